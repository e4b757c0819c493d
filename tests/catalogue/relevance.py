"""Relevance of the practice search, measured on tests/catalogue/search_relevance.yaml.

Each query is asked of the API exactly as a client would (`/api/v1/practices/?q=…&lang=…`),
which orders results as the practice list page does. Shared by the test that asserts a
floor and by benchmarks/relevance.py, which prints the numbers for benchmarks/RESULTS.md.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("search_relevance.yaml")


@dataclass
class Scores:
    """hit@5, recall@10 and MRR over one language's queries, and the queries that failed."""

    queries: int = 0
    hits_at_5: int = 0
    recall_at_10: float = 0.0
    reciprocal_ranks: float = 0.0
    empty: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def hit_at_5(self) -> float:
        return self.hits_at_5 / self.queries

    @property
    def recall(self) -> float:
        return self.recall_at_10 / self.queries

    @property
    def mrr(self) -> float:
        return self.reciprocal_ranks / self.queries


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def first_ten(client, q: str, language: str) -> list[int]:
    response = client.get("/api/v1/practices/", {"q": q, "lang": language, "page_size": 10})
    assert response.status_code == 200, (q, response.status_code)
    return [record["id"] for record in response.json()["results"]]


def evaluate(client) -> dict[str, Scores]:
    """Scores per language."""
    scores: dict[str, Scores] = {}
    for case in load_queries():
        score = scores.setdefault(case["language"], Scores())
        found = first_ten(client, case["q"], case["language"])
        wanted = set(case["wanted"])
        score.queries += 1
        if not found:
            score.empty.append(case["q"])
        if wanted & set(found[:5]):
            score.hits_at_5 += 1
        else:
            score.missed.append(f"{case['q']} -> {found[:5]}")
        score.recall_at_10 += len(wanted & set(found)) / len(wanted)
        rank = next((n for n, pk in enumerate(found, 1) if pk in wanted), None)
        score.reciprocal_ranks += 1 / rank if rank else 0.0
    return scores
