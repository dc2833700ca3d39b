# The two commands: `make run` (set up and start the web client) and `make test`.
.PHONY: run test stop bench i18n
run:
	@bash tools/run.sh
test:
	@bash tools/test.sh $(ARGS)
stop:
	@bash tools/stop.sh
bench:
	@bash tools/bench.sh $(ARGS)
i18n:
	@bash tools/i18n.sh
