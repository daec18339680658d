"""YAML from users (front matter, the actor overlay), read with limits.

PyYAML's safe loader builds no objects but still expands aliases: nine lines of
`&a [...]` / `*a` make a value of a billion elements (a "billion laughs" bomb),
and a few thousand `[` overflow its recursive parser. Here the document is
composed first (aliases stay shared references), its expanded size and depth are
measured, and only a document within the limits is built into Python values.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

MAX_EXPANDED = 100_000  # nodes plus scalar characters, every alias counted in full
MAX_DEPTH = 100  # nested lists and mappings


class TextLoader(yaml.SafeLoader):
    """Scalars are the text written: YAML 1.1 would make `0o17` 15, `yes` and `no`
    (Norway's code) booleans, 2026-02-14 a date and a 5,000-digit number an int that
    str() refuses. Only null (`~`, an empty value) stays None."""


for _tag in ("bool", "int", "float", "timestamp", "binary"):
    TextLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", yaml.SafeLoader.construct_scalar)


class YamlError(ValueError):
    """YAML that cannot be read or is over a limit; `line` is 1-based (0 when unknown)."""

    def __init__(self, reason: str, line: int = 0):
        super().__init__(f"line {line}: {reason}" if line else reason)
        self.reason = reason
        self.line = line


def compose(text: str, loader: type = TextLoader, max_expanded: int = MAX_EXPANDED) -> yaml.Node | None:
    """The node tree of a one-document YAML text (None when empty), checked against the limits."""
    parser = loader(text)
    try:
        node = parser.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlError(_one_line(exc.problem or exc.context or str(exc)), mark.line + 1 if mark else 0) from None
    except yaml.YAMLError as exc:
        raise YamlError(_one_line(str(exc))) from None
    except RecursionError:
        raise YamlError(f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    finally:
        parser.dispose()
    if node is not None:
        _check_size(node, max_expanded)
    return node


def construct(node: yaml.Node | None, loader: type = TextLoader):
    """Python values of a composed (and checked) node tree."""
    if node is None:
        return None
    builder = loader("")
    try:
        return builder.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlError(_one_line(exc.problem or str(exc)), mark.line + 1 if mark else 0) from None
    finally:
        builder.dispose()


def load(text: str, loader: type = TextLoader, max_expanded: int = MAX_EXPANDED):
    """`yaml.safe_load` with the limits: raises YamlError naming the line."""
    return construct(compose(text, loader, max_expanded), loader)


def node_lines(node: yaml.Node | None) -> dict[tuple, int]:
    """1-based line of every key path in the tree: ('actors', 0, 'name_en') -> 7."""
    lines: dict[tuple, int] = {}
    for path, child in _walk(node, ()):
        lines.setdefault(path, child.start_mark.line + 1)
    return lines


def _walk(node, path: tuple) -> Iterator[tuple[tuple, yaml.Node]]:
    if node is None:
        return
    stack = [(path, node)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    yield (*path, key.value), key
                    stack.append(((*path, key.value), value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(((*path, i), child) for i, child in enumerate(node.value))


def _check_size(root: yaml.Node, max_expanded: int) -> None:
    """Raise YamlError when the tree, aliases expanded, is too big or too deep.
    Sizes are memoised per node, so a bomb is measured without being expanded."""
    size: dict[int, int] = {}
    stack = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in size:
            continue
        if depth > MAX_DEPTH:
            raise YamlError(f"nested too deeply (more than {MAX_DEPTH} levels)", node.start_mark.line + 1)
        children = _children(node)
        if not children_done and children:
            stack.append((node, depth, True))
            stack.extend((c, depth + 1, False) for c in children if id(c) not in size)
            continue
        total = 1 + (len(node.value) if isinstance(node, yaml.ScalarNode) else sum(size[id(c)] for c in children))
        if total > max_expanded:
            raise YamlError(
                f"too large once its aliases (*name) are expanded: over {max_expanded:,} values and characters",
                node.start_mark.line + 1,
            )
        size[id(node)] = total


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
