package mx.ine.redes.deploy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * SIGINT and SIGTERM handlers through {@code sun.misc.Signal} (module jdk.unsupported), reached by
 * reflection so that the build needs no internal API. Without them the JVM runs every shutdown
 * hook at once, and the embedded PostgreSQL's own hook would stop the database while the services
 * are still shutting down. If the API is missing, the shutdown hook alone does the work.
 */
final class Signals {

    private Signals() {
    }

    /** Calls {@code handler} with "INT" or "TERM", on a new thread, when the signal arrives. */
    static boolean onTermination(Consumer<String> handler) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Method getName = signalClass.getMethod("getName");
            InvocationHandler invocation = (proxy, method, args) -> {
                if ("handle".equals(method.getName())) {
                    String name = (String) getName.invoke(args[0]);
                    Thread thread = new Thread(() -> handler.accept(name), "local-stack-signal-" + name);
                    thread.start();
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "local-stack signal handler";
                    default -> null;
                };
            };
            Object signalHandler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    invocation);
            for (String name : new String[] {"INT", "TERM"}) {
                handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), signalHandler);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
