-- One state board (Junta Local Ejecutiva) per state and one district board per state and district
-- number (domain.md §2). The service checks first and names the holder; these indexes decide when
-- two registrations of the same seat race.
create unique index area_one_state_board on area (state) where level = 'LOCAL';
create unique index area_one_district_board on area (state, district) where level = 'DISTRICT';

-- CNCS clears a possible-hijack flag with a recorded, justified act.
alter table account_act drop constraint account_act_kind_check;
alter table account_act add constraint account_act_kind_check
    check (kind in ('DECOMMISSION', 'PERMANENCE', 'HIJACK_CLEARANCE'));
