# Zaken: verwijzing create, visibility, idempotency, validation, access log (sourced by run.sh).
