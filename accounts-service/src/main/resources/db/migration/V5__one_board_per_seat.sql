-- One state board (Junta Local Ejecutiva) per state and one district board per state and district
-- number (domain.md §2). The service checks first and names the holder; these indexes decide when
-- two registrations of the same seat race.
create unique index area_one_state_board on area (state) where level = 'LOCAL';
create unique index area_one_district_board on area (state, district) where level = 'DISTRICT';
