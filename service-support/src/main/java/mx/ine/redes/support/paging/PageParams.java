package mx.ine.redes.support.paging;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters of every list ({@code @BeanParam PageParams paging}). */
public class PageParams {

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "Página, desde 0.", schema = @Schema(minimum = "0", defaultValue = "0"))
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Parameter(description = "Elementos por página, de 1 a 500.", schema = @Schema(minimum = "1", maximum = "500", defaultValue = "50"))
    public int size;

    public PageRequest request() {
        return new PageRequest(page, size);
    }
}
