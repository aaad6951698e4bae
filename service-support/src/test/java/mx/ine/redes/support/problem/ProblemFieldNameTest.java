package mx.ine.redes.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The client knows its JSON fields, not our method and parameter names. */
class ProblemFieldNameTest {

    record Contact(@NotBlank String email) {
    }

    record Request(@NotBlank String handle, @Size(max = 1) List<@Valid Contact> contacts) {
    }

    public void register(@Valid Request request) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    @Test
    void shouldNameTheFieldOfTheBodyNotTheMethod() throws Exception {
        Set<ConstraintViolation<ProblemFieldNameTest>> violations = validate(new Request(" ", List.of()));

        assertThat(violations).extracting(violation -> ProblemMappers.fieldName(violation.getPropertyPath()))
                .containsExactly("handle");
    }

    @Test
    void shouldNameNestedFieldsWithTheirIndex() throws Exception {
        Set<ConstraintViolation<ProblemFieldNameTest>> violations = validate(new Request("ine", List.of(new Contact(""))));

        assertThat(violations).extracting(violation -> ProblemMappers.fieldName(violation.getPropertyPath()))
                .containsExactly("contacts[0].email");
    }

    @Test
    void shouldNameTheParameterWhenTheWholeValueIsWrong() throws Exception {
        Method method = ProblemFieldNameTest.class.getMethod("page", int.class);
        Set<ConstraintViolation<ProblemFieldNameTest>> violations = validator.forExecutables()
                .validateParameters(this, method, new Object[] {-1});

        assertThat(violations).extracting(violation -> ProblemMappers.fieldName(violation.getPropertyPath()))
                .containsExactly("size");
    }

    public void page(@jakarta.validation.constraints.Min(0) int size) {
    }

    public void replaceAll(@Valid List<@Valid Contact> contacts) {
    }

    @Test
    void shouldNameAFieldOfAnElementOfABodyThatIsAListWithItsIndex() throws Exception {
        Method method = ProblemFieldNameTest.class.getMethod("replaceAll", List.class);
        Set<ConstraintViolation<ProblemFieldNameTest>> violations = validator.forExecutables()
                .validateParameters(this, method, new Object[] {List.of(new Contact("ana@ine.mx"), new Contact(" "))});

        assertThat(violations).extracting(violation -> ProblemMappers.fieldName(violation.getPropertyPath()))
                .containsExactly("[1].email");
    }

    private Set<ConstraintViolation<ProblemFieldNameTest>> validate(Request request) throws Exception {
        Method method = ProblemFieldNameTest.class.getMethod("register", Request.class);
        return validator.forExecutables().validateParameters(this, method, new Object[] {request});
    }
}
