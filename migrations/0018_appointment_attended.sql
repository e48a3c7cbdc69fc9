-- Check-in now ends an appointment as 'attended' (src/appointments/attend-appointment.ts). Before, a paid appointment
-- stayed live after the applicant was served, so appointments_live_nik_key kept the NIK from ever booking again. Every
-- live passport appointment whose application has moved past arrival (checked in or further, or closed) was used:
-- it becomes attended, ended when the application was checked in (else when its status last changed). A closed
-- application never holds a live appointment it did not come to: withdrawal needs one without a booking, and the
-- applications 0008 cancelled held none. Stay-permit visits belong to permit applications and stay as they are.
UPDATE "appointments" p
SET "state" = 'attended', "ended_at" = coalesce(
	(SELECT min(x."at") FROM "application_actions" x WHERE x."application_id" = a."id" AND x."type" = 'check_in'),
	a."status_at"
)
FROM "applications" a
WHERE a."id" = p."application_id" AND p."state" IN ('booked', 'paid') AND p."channel" <> 'stay_permit'
	AND a."status" NOT IN ('submitted', 'booked', 'paid');
