package mx.ine.redes.support.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query or path parameter a Bean Validation violation is about (a constrained resource-method
 * parameter, or a field of a {@code @BeanParam}), named as the client wrote it; {@code null} for a
 * body field.
 */
final class ConstrainedParameters {

    private ConstrainedParameters() {
    }

    static String name(ConstraintViolation<?> violation) {
        try {
            Path.MethodNode methodNode = null;
            Path.ParameterNode parameterNode = null;
            List<Path.Node> after = new ArrayList<>();
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.METHOD) {
                    methodNode = node.as(Path.MethodNode.class);
                } else if (node.getKind() == ElementKind.PARAMETER) {
                    parameterNode = node.as(Path.ParameterNode.class);
                } else if (parameterNode != null && node.getName() != null) {
                    after.add(node);
                }
            }
            if (methodNode == null || parameterNode == null || after.size() > 1) {
                return null;
            }
            // The root bean may be a generated subclass whose overriding method carries no annotations.
            for (Method method : candidates(violation.getRootBeanClass(), methodNode)) {
                String name = declaredName(method, parameterNode.getParameterIndex(), after);
                if (name != null) {
                    return name;
                }
            }
            return null;
        } catch (RuntimeException unexpectedShape) {
            return null;
        }
    }

    private static List<Method> candidates(Class<?> type, Path.MethodNode node) {
        Class<?>[] parameterTypes = node.getParameterTypes().toArray(Class<?>[]::new);
        List<Method> found = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            try {
                found.add(current.getDeclaredMethod(node.getName(), parameterTypes));
            } catch (NoSuchMethodException notHere) {
                // declared further up (RegistryViewResource)
            }
        }
        return found;
    }

    private static String declaredName(Method method, int index, List<Path.Node> after) {
        if (after.isEmpty()) {
            return declaredName(method.getParameters()[index].getAnnotations(), method.getParameters()[index].getName());
        }
        for (Class<?> type = method.getParameterTypes()[index]; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(after.getFirst().getName())) {
                    return declaredName(field.getAnnotations(), field.getName());
                }
            }
        }
        return null;
    }

    private static String declaredName(Annotation[] annotations, String javaName) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof RestQuery query) {
                return query.value().isEmpty() ? javaName : query.value();
            }
            if (annotation instanceof RestPath path) {
                return path.value().isEmpty() ? javaName : path.value();
            }
        }
        return null;
    }
}
