package mx.ine.redes.support.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text a person writes in several lines (a justification, a description, an observation):
 * it may hold tab, carriage return and line feed. Every other JSON string refuses all control
 * characters. Put it on the record component of a request DTO ({@code @FreeText @Size(max = 4000) String justification}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface FreeText {
}
