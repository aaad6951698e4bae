package mx.ine.redes.accounts.service;

import java.util.ArrayList;
import java.util.List;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.AreaLevel;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;

/**
 * Where an area may stand in the Institute's structure (domain.md §2, Art. 3 II): central areas
 * have neither state nor district and hang from a central area or from none; a state board (LOCAL)
 * has its state, no district, and hangs from a central area or from none; a district board has its
 * state and number and hangs from the state board of that same state. Each state has one state
 * board and each (state, district number) one district board.
 */
final class AreaHierarchy {

    private AreaHierarchy() {
    }

    /** What the rules need of a parent, whether registered already or on another line of an import. */
    record Seat(String code, AreaLevel level, Integer state) {
        static Seat of(Area area) {
            return new Seat(area.code, area.level, area.state);
        }
    }

    /** Every rule the area breaks, each naming its field; empty if it fits. */
    static List<Violation> violations(AreaLevel level, Integer state, Integer district, Seat parent) {
        List<Violation> wrong = new ArrayList<>();
        if (level == null) {
            return wrong;
        }
        switch (level) {
            case CENTRAL -> {
                if (state != null) {
                    wrong.add(Violation.field("state", Text.of("Un área central no pertenece a una entidad; omita state.",
                            "A central area belongs to no state; omit state.")));
                }
                if (district != null) {
                    wrong.add(Violation.field("district", Text.of("Un área central no tiene número de distrito; omita district.",
                            "A central area has no district number; omit district.")));
                }
                if (parent != null && parent.level() != AreaLevel.CENTRAL) {
                    wrong.add(Violation.field("parentCode", Text.of("Un área central solo puede depender de otra área central;"
                                    + " " + parent.code() + " es " + parent.level() + ".",
                            "A central area can only be under another central area; " + parent.code() + " is "
                                    + parent.level() + ".")));
                }
            }
            case LOCAL -> {
                if (state == null) {
                    wrong.add(Violation.field("state", Text.of("Una junta local debe indicar su entidad (1 a 32).",
                            "A state board must give its state (1 to 32).")));
                }
                if (district != null) {
                    wrong.add(Violation.field("district", Text.of("Una junta local no tiene número de distrito; omita district.",
                            "A state board has no district number; omit district.")));
                }
                if (parent != null && parent.level() != AreaLevel.CENTRAL) {
                    wrong.add(Violation.field("parentCode", Text.of("Una junta local depende de un área central (o de"
                                    + " ninguna); " + parent.code() + " es " + parent.level() + ".",
                            "A state board is under a central area (or none); " + parent.code() + " is "
                                    + parent.level() + ".")));
                }
            }
            case DISTRICT -> {
                if (state == null) {
                    wrong.add(Violation.field("state", Text.of("Una junta distrital debe indicar su entidad (1 a 32).",
                            "A district board must give its state (1 to 32).")));
                }
                if (district == null) {
                    wrong.add(Violation.field("district", Text.of("Una junta distrital debe indicar su número de distrito.",
                            "A district board must give its district number.")));
                }
                if (parent == null) {
                    wrong.add(Violation.field("parentCode", Text.of("Una junta distrital depende de la junta local de su"
                                    + " entidad; indique parentCode.",
                            "A district board is under the state board of its state; give parentCode.")));
                } else if (parent.level() != AreaLevel.LOCAL) {
                    wrong.add(Violation.field("parentCode", Text.of("Una junta distrital depende de la junta local de su"
                                    + " entidad, no de " + parent.code() + " (" + parent.level() + ").",
                            "A district board is under the state board of its state, not under " + parent.code()
                                    + " (" + parent.level() + ").")));
                } else if (state != null && !state.equals(parent.state())) {
                    wrong.add(Violation.field("state", Text.of("La entidad de la junta distrital (" + state
                                    + ") no es la de su junta local " + parent.code() + " (" + parent.state() + ").",
                            "The district board's state (" + state + ") is not that of its state board "
                                    + parent.code() + " (" + parent.state() + ").")));
                }
            }
        }
        return wrong;
    }

    /** What a second board for a taken seat says: whose seat it is, when known. */
    static Text seatTakenText(AreaLevel level, Integer state, Integer district, String holder) {
        String es = level == AreaLevel.LOCAL
                ? "La entidad " + state + " ya tiene junta local"
                : "El distrito " + district + " de la entidad " + state + " ya tiene junta distrital";
        String en = level == AreaLevel.LOCAL
                ? "State " + state + " already has a state board"
                : "District " + district + " of state " + state + " already has a district board";
        return holder == null ? Text.of(es + ".", en + ".") : Text.of(es + ": " + holder + ".", en + ": " + holder + ".");
    }

    static ProblemException seatTaken(AreaLevel level, Integer state, Integer district, String holder) {
        Text text = seatTakenText(level, state, district, holder);
        List<Violation> fields = level == AreaLevel.LOCAL
                ? List.of(Violation.field("state", text))
                : List.of(Violation.field("state", text), Violation.field("district", text));
        return ProblemException.conflict(text, fields);
    }
}
