package mx.ine.redes.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import mx.ine.redes.support.input.ExpectedTypes;
import mx.ine.redes.support.input.InputRefusedException;

/** What a client is told about one refused JSON value: what the field expects, in words. */
final class JsonRefusals {

    private JsonRefusals() {
    }

    static Text reason(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputRefusedException refused) {
                return refused.reason();
            }
        }
        if (e instanceof UnrecognizedPropertyException) {
            return Text.of("No es un campo de esta operación (o lo asigna el servidor); quítelo.",
                    "Is not a field of this operation (or the server assigns it); remove it.");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            return ExpectedTypes.mustBe(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return ExpectedTypes.mustBe(mismatch.getTargetType());
        }
        if (e instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return Text.of("Número fuera del rango admitido; " + ExpectedTypes.mustBe(coercion.getTargetType()).es().toLowerCase(),
                    "Number out of the allowed range; " + ExpectedTypes.mustBe(coercion.getTargetType()).en().toLowerCase());
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InputCoercionException coercion) {
                return reason(coercion);
            }
        }
        return Text.of(ProblemTexts.invalidValue(false), ProblemTexts.invalidValue(true));
    }
}
