package mx.ine.redes.reporting.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import mx.ine.redes.reporting.service.OpenDataCatalogue;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the open data list and of its CSV file. */
public class OpenDataFilterParams {

    @QueryParam("network")
    @Size(max = 40)
    @Parameter(description = "Red social, como la escribe el registro (X, FACEBOOK, INSTAGRAM, YOUTUBE, TIKTOK…).", example = "X")
    String network;

    @QueryParam("status")
    @Parameter(description = "ACTIVE: cuentas oficiales; DECOMMISSIONED: cuentas que lo fueron (dadas de baja).")
    OpenDataStatus status;

    @QueryParam("level")
    @Parameter(description = "Nivel del área: CENTRAL (oficinas centrales), LOCAL (juntas locales), DISTRICT (juntas distritales).")
    OpenDataLevel level;

    @QueryParam("state")
    @Min(1)
    @Max(32)
    @Parameter(description = "Entidad federativa, de 1 a 32.")
    Integer state;

    public OpenDataCatalogue.Filter toFilter() {
        return new OpenDataCatalogue.Filter(network, status == null ? null : status.name(), level == null ? null : level.name(),
                state);
    }
}
