# The examples in www/openapi.yaml are accepted by the running portal (sourced by run.sh).
