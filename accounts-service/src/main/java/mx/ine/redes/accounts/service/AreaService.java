package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.rest.AreaRequest;
import mx.ine.redes.support.problem.ProblemException;

@ApplicationScoped
@Transactional
public class AreaService {

    @Inject
    Clock clock;

    public Area register(AreaRequest request) {
        if (Area.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("Ya existe un área con la clave " + request.code() + ".");
        }
        Area area = new Area();
        area.id = UUID.randomUUID();
        area.code = request.code();
        area.name = request.name().strip();
        area.level = request.level();
        area.state = request.state();
        area.district = request.district();
        area.headName = request.headName();
        area.headEmail = request.headEmail() == null ? null : request.headEmail().toLowerCase(Locale.ROOT);
        area.createdAt = clock.instant();
        if (request.parentCode() != null) {
            area.parent = Area.findByCode(request.parentCode()).orElseThrow(() ->
                    ProblemException.invalid("parentCode", "No existe el área superior " + request.parentCode() + "."));
        }
        area.persist();
        return area;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Area> findByCode(String code) {
        return Area.findByCode(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Area> listAll() {
        return Area.list("order by code");
    }
}
