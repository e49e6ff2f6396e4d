"""A scenario as a graph for reviewers: Mermaid or Graphviz DOT text.

Layer: game/story (pure Python). Nodes are boxes (endings rounded and marked
with their kind), choices are edges labelled with their number, who decides
and any condition; `next` is an unlabelled edge.
"""

from __future__ import annotations

from .model import Node, Scenario

_DECIDER = {"child": "child", "caregiver": "caregiver", "together": "together"}


def _edge_label(number: int, choice) -> str:
    label = f"{number}. {choice.text.source}"
    if len(label) > 48:
        label = label[:45] + "..."
    label += f" [{_DECIDER[choice.decides]}]"
    if choice.condition is not None:
        label += f" if {choice.condition.source}"
    return label


def _node_label(node: Node) -> str:
    if node.ending:
        return f"{node.id}\nending: {node.ending}"
    return node.id


def _mid(node_id: str) -> str:
    """Mermaid ids get a prefix: 'end' and ids starting with 'o' or 'x' after
    '--' mean something else to Mermaid."""
    return f"n_{node_id}"


def to_mermaid(scenario: Scenario) -> str:
    def quote(text: str) -> str:
        return '"' + text.replace('"', "#quot;").replace("\n", "<br/>") + '"'

    out = ["flowchart TD", f"  %% {scenario.id}: {scenario.title.source if scenario.title else ''}"]
    for node in scenario.nodes.values():
        label = quote(_node_label(node))
        shape = f"([{label}])" if node.ending else f"[{label}]"
        out.append(f"  {_mid(node.id)}{shape}")
    out.append(f"  start_marker((start)) --> {_mid(scenario.start)}")
    for node in scenario.nodes.values():
        if node.next is not None:
            out.append(f"  {_mid(node.id)} --> {_mid(node.next)}")
        for number, choice in enumerate(node.choices, 1):
            out.append(f"  {_mid(node.id)} -->|{quote(_edge_label(number, choice))}| {_mid(choice.goto)}")
    for kind in ("safe", "supported", "learning"):
        ids = [_mid(n.id) for n in scenario.nodes.values() if n.ending == kind]
        if ids:
            out.append(f"  class {','.join(ids)} ending_{kind}")
    out += [
        "  classDef ending_safe fill:#d8f3dc,stroke:#2d6a4f",
        "  classDef ending_supported fill:#dbe9f6,stroke:#1d4e89",
        "  classDef ending_learning fill:#fff3bf,stroke:#8a6d00",
    ]
    return "\n".join(out) + "\n"


def to_dot(scenario: Scenario) -> str:
    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    colours = {"safe": "#d8f3dc", "supported": "#dbe9f6", "learning": "#fff3bf"}
    out = [f"digraph {quote(scenario.id)} {{", "  rankdir=TB;", '  node [shape=box, fontname="Noto Sans"];',
           '  edge [fontname="Noto Sans", fontsize=10];', '  __start [shape=circle, label="start"];',
           f"  __start -> {quote(scenario.start)};"]
    for node in scenario.nodes.values():
        attrs = f"label={quote(_node_label(node))}"
        if node.ending:
            attrs += f', style="rounded,filled,bold", fillcolor="{colours[node.ending]}"'
        out.append(f"  {quote(node.id)} [{attrs}];")
    for node in scenario.nodes.values():
        if node.next is not None:
            out.append(f"  {quote(node.id)} -> {quote(node.next)};")
        for number, choice in enumerate(node.choices, 1):
            out.append(f"  {quote(node.id)} -> {quote(choice.goto)} [label={quote(_edge_label(number, choice))}];")
    out.append("}")
    return "\n".join(out) + "\n"


FORMATS = {"mermaid": to_mermaid, "dot": to_dot}
