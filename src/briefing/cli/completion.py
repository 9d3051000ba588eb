"""`briefing completion bash|zsh|fish`: print a shell completion script.

The scripts are written here from the command line's own parsers, so they always offer
the subcommands and options `briefing` really has: no completion library, and nothing
added to `briefing`'s start-up. What depends on the brief in use (the ids `briefing cite`
takes) is asked of `briefing __complete-ids` while completing, with the words typed so far,
so that `--brief PATH` is honoured.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shlex
from pathlib import Path

from briefing.cite.style_names import STYLES
from briefing.cli.output import out
from briefing.record import record

SHELLS = ("bash", "zsh", "fish")
PATH_OPTIONS = frozenset({"--brief", "-o", "--output", "--folder", "--file", "--config"})
"""Options whose value is a file or folder."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def run(args: argparse.Namespace) -> int:
    """Print the script; `eval "$(briefing completion bash)"` in ~/.bashrc loads it."""
    commands = _commands()
    script = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[args.shell](commands)
    out(script.removesuffix("\n"))
    return 0


@record(slots=False)
class Command:
    """What completion needs of one (sub)command: its options and what their values are."""

    name: str
    help: str
    options: tuple[str, ...]
    choices: dict[str, tuple[str, ...]]
    """Options that take one of a few values, with those values."""
    paths: tuple[str, ...]
    """Options that take a file or folder."""


def _commands() -> list[Command]:
    """The main command (named "") and every subcommand, read from their parsers."""
    from briefing.cli.parsers import SUBCOMMANDS, main_parser, subcommand_parser

    commands = [_describe("", "", main_parser())]
    commands += [_describe(n, h, subcommand_parser(n)) for n, h in SUBCOMMANDS.items()]
    return commands


def _describe(name: str, help_: str, parser: argparse.ArgumentParser) -> Command:
    options: list[str] = []
    choices: dict[str, tuple[str, ...]] = {}
    paths: list[str] = []
    # argparse has no public way to list a parser's options; `_actions` has been its
    # stable home since the module was written (shtab and argcomplete read it too).
    for action in parser._actions:
        options += action.option_strings
        for option in action.option_strings:
            if option == "--style" or action.dest == "style":
                choices[option] = STYLES
            elif action.choices is not None and action.option_strings:
                choices[option] = tuple(str(c) for c in action.choices)
            elif option in PATH_OPTIONS:
                paths.append(option)
    return Command(name, help_, tuple(options), choices, tuple(paths))


def bash_script(commands: list[Command]) -> str:
    """A bash completion function for `briefing`."""
    main, subcommands = commands[0], commands[1:]
    names = " ".join(c.name for c in subcommands)
    cases = []
    for command in commands:
        for option, values in command.choices.items():
            cases.append(f"        {command.name or '_'}:{option}) words={_quote(values)} ;;")
        for option in command.paths:
            cases.append(f"        {command.name or '_'}:{option}) _briefing_files; return ;;")
    option_cases = "\n".join(
        f"        {c.name or '_'}) words={_quote(c.options)} ;;" for c in commands
    )
    return _BASH.format(
        names=names,
        main_options=" ".join(main.options),
        value_cases="\n".join(cases),
        option_cases=option_cases,
        styles=" ".join(STYLES),
        shells=" ".join(SHELLS),
    )


def zsh_script(commands: list[Command]) -> str:
    """zsh runs the bash function through its own bashcompinit, as pipx and others do."""
    return (
        '#compdef briefing\n# briefing completion for zsh: eval "$(briefing completion zsh)"\n'
        "autoload -U +X compinit && compinit\n"
        "autoload -U +X bashcompinit && bashcompinit\n" + bash_script(commands)
    )


def fish_script(commands: list[Command]) -> str:
    """fish completions, one `complete` line per subcommand, option and value set."""
    lines = [
        "# briefing completion for fish: briefing completion fish | source",
        "complete -c briefing -f",
        "complete -c briefing -n __fish_use_subcommand -a '(__fish_complete_path)' -d brief",
    ]
    for command in commands[1:]:
        help_ = command.help.replace("'", "")
        lines.append(
            f"complete -c briefing -n __fish_use_subcommand -a {command.name} -d '{help_}'"
        )
    for command in commands:
        when = (
            "__fish_use_subcommand"
            if not command.name
            else f"'__fish_seen_subcommand_from {command.name}'"
        )
        for option in command.options:
            flag = f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}"
            values = command.choices.get(option)
            value = f" -xa {shlex.quote(' '.join(values))}" if values else ""
            value = " -rF" if option in command.paths else value
            lines.append(f"complete -c briefing -n {when} {flag}{value}")
    lines.append(
        "complete -c briefing -n '__fish_seen_subcommand_from cite' "
        "-xa '(briefing __complete-ids (commandline -opc))'"
    )
    lines.append(
        "complete -c briefing -n '__fish_seen_subcommand_from check' -a '(__fish_complete_path)'"
    )
    return "\n".join(lines) + "\n"


def print_ids(words: list[str]) -> int:
    """Print every id of the brief named by `--brief` in words (else the default brief)."""
    from briefing.cli.common import open_brief

    brief_path = _brief_in(words)
    with contextlib.redirect_stderr(io.StringIO()):  # completion must never print errors
        brief = open_brief(brief_path)
    if brief is None:
        return 1
    out("\n".join(brief.items))
    return 0


def _brief_in(words: list[str]) -> Path | None:
    for index, word in enumerate(words):
        if word == "--brief" and index + 1 < len(words):
            return Path(words[index + 1]).expanduser()
        if word.startswith("--brief="):
            return Path(word.partition("=")[2]).expanduser()
    return None


def _quote(values: tuple[str, ...]) -> str:
    return shlex.quote(" ".join(values))


_BASH = """\
# briefing completion for bash: eval "$(briefing completion bash)"
_briefing_files() {{
    local IFS=$'\\n'
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
}}

_briefing() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local command=_ words="" word i
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        case " {names} " in
            *" $word "*) if [[ $command == _ ]]; then command=$word; fi ;;
        esac
    done
    case "$command:$prev" in
{value_cases}
    esac
    if [[ -n $words ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        case $command in
{option_cases}
        esac
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi
    case $command in
        _)
            if ((COMP_CWORD == 1)); then
                COMPREPLY=($(compgen -W "{names}" -- "$cur"))
            fi
            local IFS=$'\\n'
            COMPREPLY+=($(compgen -f -- "$cur"))
            compopt -o filenames 2>/dev/null ;;
        cite)
            local IFS=$'\\n' typed=("${{COMP_WORDS[@]:1:COMP_CWORD-1}}")
            local ids=$(briefing __complete-ids "${{typed[@]}}" 2>/dev/null)
            COMPREPLY=($(compgen -W "$ids" -- "$cur")) ;;
        completion) COMPREPLY=($(compgen -W "{shells}" -- "$cur")) ;;
        check|new|add-source|quote|import) _briefing_files ;;
    esac
}}
complete -F _briefing briefing
"""
