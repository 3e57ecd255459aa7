"""The ``frontlines`` command line. One module per command; this file only routes.

Commands are imported lazily so ``frontlines --help`` stays fast and a broken
optional stage cannot take the whole CLI down.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from .. import __version__
from ..errors import FrontlinesError

# command name -> "module:attribute" (a click.Command)
COMMANDS = {
    "ingest": "frontlines.cli.ingest:ingest",
    "articles": "frontlines.cli.articles:articles",
    "show": "frontlines.cli.show:show",
    "extract": "frontlines.cli.extract:extract",
    "run": "frontlines.cli.run:run",
    "eval": "frontlines.cli.evaluate:evaluate",
    "gazetteer": "frontlines.cli.gazetteer:gazetteer",
}


class LazyGroup(click.Group):
    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attr = self.lazy[cmd_name].split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name and exc.name.startswith("frontlines"):
                    return None  # a command whose module is not written yet
                raise
            command: click.Command = getattr(module, attr)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="frontlines")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """frontlines: turn war reporting into a sourced, geocoded record of conflict events.

    \b
    Typical use:
      frontlines run --sample --db sample.sqlite     # the whole job on the bundled sample
      frontlines ingest articles/ --db war.sqlite    # read and store articles
      frontlines articles --db war.sqlite            # list what is stored
      frontlines show ID --db war.sqlite             # one article, segments marked
      frontlines extract story.html --format jsonl   # the structured record, to stdout
      frontlines eval segments                       # score against the bundled gold set

    Data goes to stdout, logs and progress bars to stderr.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


def main() -> None:
    try:
        # standalone_mode=False returns ctx.exit(code)'s code instead of exiting.
        rc = cli.main(standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except FrontlinesError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(0)
