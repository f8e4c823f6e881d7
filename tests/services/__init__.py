"""Real servers for tests and benchmarks, each started by the tests themselves on a free port in a
temporary directory and stopped cleanly: Janus (in a network namespace of its own), PostgreSQL, Redis,
HAProxy, OpenLDAP's slapd and an OpenID provider. No conftest: a test module imports the fixture it
uses (``from tests.services.redis_server import redis_server``). Where this machine lacks a program,
the fixture skips with the reason; ``scripts/bootstrap.sh`` installs them all (CI runs it)."""
