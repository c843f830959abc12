"""CLI command modules; each registers its commands on ``eventwire.cli.app`` when imported."""

COMMANDS: tuple[str, ...] = ("extract", "evaluate", "serve", "spark_cmd", "store_cmds", "bench_cmd", "kb")
