"""The food table: loading the shipped CSV, lookup, search and resolve."""

from __future__ import annotations

import importlib.util
from pathlib import Path
import sys
from types import ModuleType

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.mtor_balance.core.categories import (
    LEUCINE_FRACTION,
    PLAUSIBLE_LEUCINE_FRACTION,
    Category,
)
from custom_components.mtor_balance.core.foods import (
    PREFIX_CACHE_SIZE,
    FoodLibrary,
    FoodTable,
    english_stem,
    normalize,
    swedish_stem,
    words,
)
from custom_components.mtor_balance.core.model import Food

FOODS_CSV = (
    Path(__file__).parents[2]
    / "custom_components"
    / "mtor_balance"
    / "data"
    / "foods.csv"
)
HEADER = "id,name,name_sv,category,protein_g,leucine_g,kcal,leucine_estimated,usda_ndb,common\n"


@pytest.fixture(scope="module")
def table() -> FoodTable:
    return FoodTable.load(FOODS_CSV)


def food(
    food_id: str,
    name: str,
    name_sv: str = "",
    *,
    common: bool = False,
    protein_g: float = 10.0,
) -> Food:
    return Food(
        id=food_id,
        name=name,
        name_sv=name_sv,
        category=Category.OTHER,
        protein_g=protein_g,
        leucine_g=protein_g * 0.08,
        kcal=100.0,
        leucine_estimated=True,
        common=common,
    )


def ids(foods: list[Food]) -> list[str]:
    return [item.id for item in foods]


# --- The shipped table ---------------------------------------------------------------------------


def test_shipped_table_has_every_sr28_food_and_the_supplements(
    table: FoodTable,
) -> None:
    assert len(table) > 8000
    assert len({item.id for item in table}) == len(table)
    assert table.get("whey_isolate") is not None
    assert table.get("leucine_powder") is not None


def test_shipped_csv_is_utf8_with_lf_line_endings() -> None:
    data = FOODS_CSV.read_bytes()
    assert data.startswith(HEADER.encode())
    assert b"\r" not in data
    assert "Kycklingbröst".encode() in data
    assert data.endswith(b"\n")


def test_cottage_cheese_has_the_sr28_values(table: FoodTable) -> None:
    cottage = table.get("01012")
    assert cottage == Food(
        id="01012",
        name="Cottage cheese",
        name_sv="Keso",
        category=Category.DAIRY,
        protein_g=11.12,
        leucine_g=1.116,
        kcal=98.0,
        leucine_estimated=False,
        usda_ndb="01012",
        common=True,
    )


def test_missing_leucine_is_estimated_with_the_category_fraction(
    table: FoodTable,
) -> None:
    isolate = table.get("14058")  # SR28 whey isolate: 58.14 g protein, no leucine
    assert isolate is not None
    assert isolate.category is Category.WHEY
    assert not isolate.common
    assert isolate.leucine_estimated
    assert isolate.leucine_g == pytest.approx(
        58.14 * LEUCINE_FRACTION[Category.WHEY], abs=5e-4
    )


def test_implausible_leucine_is_replaced_by_the_estimate(table: FoodTable) -> None:
    bread = table.get(
        "18076"
    )  # whole-wheat bread, toasted: SR28 leucine is 2.7% of protein
    assert bread is not None
    assert bread.category is Category.CEREALS
    assert bread.leucine_estimated
    assert bread.leucine_g == pytest.approx(
        16.27 * LEUCINE_FRACTION[Category.CEREALS], abs=5e-4
    )


def _build_script() -> ModuleType:
    path = Path(__file__).parents[2] / "scripts" / "build_food_table.py"
    spec = importlib.util.spec_from_file_location("build_food_table", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_analytical_leucine_is_plausible_wherever_protein_is_at_least_1_g(
    table: FoodTable,
) -> None:
    # Maize, sorghum and millet protein is leucine-rich: their real values may reach 18 %.
    build = _build_script()
    low, high = PLAUSIBLE_LEUCINE_FRACTION
    for item in table:
        if item.protein_g >= 1 and not item.leucine_estimated:
            top = (
                build.LEUCINE_RICH_MAX_FRACTION
                if build.is_leucine_rich(item.name)
                else high
            )
            assert low <= item.leucine_g / item.protein_g <= top, item


def test_supplements_use_label_values(table: FoodTable) -> None:
    isolate = table.get("whey_isolate")
    leucine = table.get("leucine_powder")
    assert isolate is not None
    assert leucine is not None
    assert isolate.protein_g == 90
    assert isolate.leucine_estimated
    assert isolate.usda_ndb is None
    assert isolate.common
    assert (leucine.leucine_g, leucine.protein_g, leucine.leucine_estimated) == (
        100,
        0,
        False,
    )


def test_common_foods_come_first_in_file_order(table: FoodTable) -> None:
    common = table.common()
    assert 150 <= len(common) <= 250
    assert common[0].id == "01012"
    assert list(table)[: len(common)] == common
    assert all(item.name_sv for item in common)


# --- normalize -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kycklingbröst", "kycklingbrost"),
        ("ÄGG", "agg"),
        ("Crème brûlée", "creme brulee"),
        ("Åland", "aland"),
        ("Smørrebrød", "smorrebrod"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_normalize_drops_case_and_accents(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_words_split_on_punctuation() -> None:
    assert words("Mjölk, hel 3,25 %") == ["mjolk", "hel", "3", "25"]


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


# --- search --------------------------------------------------------------------------------------


def test_swedish_names_are_found_with_or_without_accents(table: FoodTable) -> None:
    assert table.search("keso", language="sv")[0].id == "01012"
    for query in ("kycklingbröst", "kycklingbrost", "KYCKLINGBRÖST"):
        found = table.search(query, language="sv")
        assert found
        assert all(item.name_sv.startswith("Kycklingbröst") for item in found)
        assert "05064" in ids(found)


def test_every_query_word_must_start_a_name_word(table: FoodTable) -> None:
    found = table.search("chick brea roas", limit=50)
    assert "05064" in ids(found)
    for item in found:
        name_words = words(item.name) + words(item.name_sv)
        for query_word in ("chick", "brea", "roas"):
            assert any(word.startswith(query_word) for word in name_words), item
    assert table.search("icken") == []  # inside a word, not at its start


def test_common_foods_rank_first(table: FoodTable) -> None:
    found = table.search("chicken", limit=100)
    assert len(found) == 100
    flags = [item.common for item in found]
    assert flags == sorted(flags, reverse=True)
    assert flags[0]
    assert not flags[-1]


def test_whole_word_matches_rank_before_prefix_matches() -> None:
    foods = FoodTable([food("a", "Peanut"), food("b", "Pea soup, long name here")])
    assert ids(foods.search("pea")) == ["b", "a"]
    foods = FoodTable([food("a", "Pea"), food("b", "Peanut")])
    assert ids(foods.search("pea")) == ["a", "b"]


def test_shorter_names_then_id_break_ties() -> None:
    foods = FoodTable(
        [
            food("c", "Bean, long name"),
            food("b", "Bean, short"),
            food("a", "Bean, short"),
        ]
    )
    assert ids(foods.search("bean")) == ["a", "b", "c"]


def test_ranking_uses_the_name_in_the_requested_language() -> None:
    foods = FoodTable(
        [food("a", "Fish, long", "Fisk"), food("b", "Fish", "Fisk, lång")]
    )
    assert ids(foods.search("fi", language="en")) == ["b", "a"]
    assert ids(foods.search("fi", language="sv")) == ["a", "b"]


def test_search_respects_the_limit(table: FoodTable) -> None:
    assert len(table.search("c", limit=5)) == 5
    assert len(table.search("cheese")) == 20
    assert table.search("cheese", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "\t\n", ",.-"])
def test_empty_query_finds_nothing(table: FoodTable, query: str) -> None:
    assert table.search(query) == []


def test_unknown_word_finds_nothing(table: FoodTable) -> None:
    assert table.search("xyzzyq") == []
    assert table.search("cheese xyzzyq") == []


def test_repeated_queries_give_the_same_answer(table: FoodTable) -> None:
    first = table.search("beef ground raw")
    assert first == table.search("beef ground raw")
    assert first[0].id in {"23557", "23562", "23572"}


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="abcdeklmnorstäö ", max_size=12))
def test_search_hits_always_match_every_word(query: str) -> None:
    foods = FoodTable(
        [
            food(
                "1", "Chicken breast, roasted", "Kycklingbröst, ugnsstekt", common=True
            ),
            food("2", "Cheese, cheddar", "Cheddarost"),
            food("3", "Almonds", "Mandlar", common=True),
            food("4", "Milk, skim", "Mjölk, skummad"),
        ]
    )
    query_words = words(query)
    for item in foods.search(query):
        english, swedish = words(item.name), words(item.name_sv)
        for q in query_words:
            # A prefix of a name word, or an inflected form of one.
            assert (
                any(w.startswith(q) for w in english + swedish)
                or english_stem(q) in map(english_stem, english)
                or any(_swedish_stems(q) & {swedish_stem(w)} for w in swedish)
            ), (q, item)


def _swedish_stems(word: str) -> set[str]:
    """Return the stems of a word with up to three Swedish endings (or a definite -n) off."""
    found: set[str] = set()
    for form in (word, word.removesuffix("n")):
        stem = form
        for _ in range(3):
            stem = swedish_stem(stem)
            found.add(stem)
    return found


# --- resolve -------------------------------------------------------------------------------------


def test_resolve_by_id(table: FoodTable) -> None:
    assert table.resolve("01012", "en") is table.get("01012")
    assert table.resolve(" WHEY_ISOLATE ", "en") is table.get("whey_isolate")


def test_resolve_by_english_name(table: FoodTable) -> None:
    cottage = table.resolve("cottage cheese", "en")
    roasted = table.resolve("Chicken breast roasted", "sv")
    assert cottage is not None
    assert cottage.id == "01012"
    assert roasted is not None
    assert roasted.id == "05064"


def test_resolve_by_swedish_name(table: FoodTable) -> None:
    keso = table.resolve("Keso", "sv")
    roasted = table.resolve("kycklingbrost, ugnsstekt", "sv")
    egg = table.resolve("ägg rått", "en")
    assert keso is not None
    assert keso.id == "01012"
    assert roasted is not None
    assert roasted.id == "05064"
    assert egg is not None
    assert egg.id == "01123"


def test_resolve_takes_a_clear_best_hit(table: FoodTable) -> None:
    kvarg = table.resolve("kvarg", "sv")
    assert kvarg is not None
    assert kvarg.id == "quark"


def test_resolve_refuses_ambiguous_or_unknown_text(table: FoodTable) -> None:
    assert table.resolve("ägg", "sv") is None  # many common egg foods
    assert table.resolve("xyzzyq", "en") is None
    assert table.resolve("   ", "en") is None
    assert table.resolve("", "en") is None


def test_resolve_prefers_a_single_hit_and_a_better_tier() -> None:
    foods = FoodTable(
        [
            food("a", "Oat milk", common=True),
            food("b", "Oatcake"),
            food("c", "Oats, rolled"),
        ]
    )
    only = foods.resolve("oatc", "en")
    better = foods.resolve("oat", "en")  # common, and "oat" is a whole word of it
    assert only is not None
    assert only.id == "b"
    assert better is not None
    assert better.id == "a"
    assert foods.resolve("oa", "en") is not None  # the common one is in a better tier
    assert (
        FoodTable([food("x", "Oatcake"), food("y", "Oatmeal")]).resolve("oat", "en")
        is None
    )


# --- names as they are said ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("eggs", "egg"),
        ("breasts", "breast"),
        ("cheeses", "cheese"),
        ("berries", "berry"),
        ("cookies", "cookie"),
        ("pies", "pie"),
        ("peaches", "peach"),
        ("tomatoes", "tomato"),
        ("oats", "oat"),
        ("lentils", "lentil"),
    ],
)
def test_english_plurals_meet_their_singular(plural: str, singular: str) -> None:
    assert english_stem(plural) == english_stem(singular)


@pytest.mark.parametrize("word", ["hummus", "swiss", "ris", "egg", "chicken", "soy"])
def test_english_words_that_are_no_plurals_keep_their_ending(word: str) -> None:
    assert english_stem(word) in {word, word[:-1] + "i"}
    assert english_stem(word).startswith(word[:2])
    assert english_stem("chicken") != english_stem("chick")


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("äggen", "ägg"),
        ("ägget", "ägg"),
        ("bananer", "banan"),
        ("bananerna", "banan"),
        ("bönor", "böna"),
        ("kycklingbrösten", "kycklingbröst"),
        ("jordgubbarna", "jordgubbar"),
        ("bullar", "bulle"),
    ],
)
def test_swedish_plural_and_definite_forms_meet_their_base(
    inflected: str, base: str
) -> None:
    assert swedish_stem(normalize(inflected)) == swedish_stem(normalize(base))


def test_short_swedish_words_keep_their_endings() -> None:
    assert [swedish_stem(word) for word in ("ost", "lax", "ris", "te")] == [
        "ost",
        "lax",
        "ris",
        "te",
    ]


KESO, ROASTED_BREAST, BOILED_EGG, BANANA = "01012", "05064", "01129", "09040"
BREASTS = {"05062", "05064", "05063"}  # skinless raw, roasted, pan-fried
EGGS = {"01123", "01129", "01128"}  # whole raw, hard-boiled, fried


@pytest.mark.parametrize(
    "said",
    [
        "keso",
        "Keso",
        "KESO",
        "  keso  ",
        "keso.",
        "Keso!",
        "keson",
        "cottage cheese",
        "Cottage Cheese.",
        "cottage cheeses",
        " cottage cheese, ",
    ],
)
@pytest.mark.parametrize("language", ["en", "sv"])
def test_cottage_cheese_as_said_to_a_voice_assistant(
    table: FoodTable, said: str, language: str
) -> None:
    found = table.resolve(said, language)
    assert found is not None
    assert found.id == KESO


@pytest.mark.parametrize(
    ("said", "food_id"),
    [
        ("bananas", BANANA),
        ("Bananas.", BANANA),
        ("bananer", BANANA),
        ("bananen", BANANA),
        ("roasted chicken breast", ROASTED_BREAST),
        ("chicken breasts, roasted", ROASTED_BREAST),
        ("ugnsstekt kycklingbröst", ROASTED_BREAST),
        ("kycklingbröstet, ugnsstekt", ROASTED_BREAST),
        ("hard-boiled eggs", BOILED_EGG),
        ("hårdkokta ägg", BOILED_EGG),
        ("leucin", "leucine_powder"),
    ],
)
def test_plural_definite_and_reordered_names_find_their_food(
    table: FoodTable, said: str, food_id: str
) -> None:
    for language in ("en", "sv"):
        found = table.resolve(said, language)
        assert found is not None, language
        assert found.id == food_id


@pytest.mark.parametrize(
    ("said", "candidates"),
    [
        ("chicken breast", BREASTS),
        ("chicken breasts", BREASTS),
        ("kycklingbröst", BREASTS),
        ("KYCKLINGBRÖST", BREASTS),
        ("kycklingbrösten", BREASTS),
        ("ägg", EGGS),
        ("Ägg.", EGGS),
        ("äggen", EGGS),
        ("egg", EGGS),
        ("eggs", EGGS),
        ("Eggs", EGGS),
    ],
)
def test_a_name_that_fits_several_foods_equally_is_not_resolved(
    table: FoodTable, said: str, candidates: set[str]
) -> None:
    # Raw and roasted chicken breast differ by a third in protein: ask, do not pick.
    for language in ("en", "sv"):
        assert table.resolve(said, language) is None
        assert set(ids(table.search(said, language=language, limit=3))) == candidates


def test_plurals_find_the_common_food_first() -> None:
    foods = FoodTable(
        [
            food("a", "Egg, whole, raw", "Ägg, rått", common=True),
            food("b", "Eggs, scrambled, frozen mixture"),
            food("c", "Eggplant, raw"),
        ]
    )
    # "eggs" is a plural of the common food's "Egg", and a prefix of nothing else.
    assert ids(foods.search("eggs")) == ["a", "b"]
    assert ids(foods.search("äggen", language="sv")) == ["a"]
    found = foods.resolve("eggs", "en")
    assert found is not None
    assert found.id == "a"  # common and a whole-word match: a better tier than "b"


def test_two_foods_that_match_equally_are_both_offered() -> None:
    foods = FoodTable(
        [
            food("a", "Bean, black", "Böna, svart", common=True),
            food("b", "Bean, white", "Böna, vit", common=True),
        ]
    )
    for said, language in (("beans", "en"), ("bönor", "sv"), ("bönorna", "sv")):
        assert foods.resolve(said, language) is None
        assert ids(foods.search(said, language=language)) == ["a", "b"]
    black = foods.resolve("black beans", "en")
    assert black is not None
    assert black.id == "a"
    white = foods.resolve("vita bönor", "sv")
    assert white is not None
    assert white.id == "b"


def test_a_plural_name_is_an_exact_name_in_either_language() -> None:
    foods = FoodTable(
        [
            food("a", "Banana", "Banan", common=True),
            food("b", "Banana chips", "Bananchips", common=True),
        ]
    )
    for said in ("bananas", "bananer", "bananen", "Bananerna!"):
        found = foods.resolve(said, "sv")
        assert found is not None, said
        assert found.id == "a"
    assert foods.named("banana chip", "en") is foods.get("b")
    assert foods.named("  ", "en") is None
    assert foods.named("apple", "en") is None


def test_own_foods_are_found_in_the_plural_before_bundled_ones(
    table: FoodTable,
) -> None:
    bar = food("custom_bar", "Protein bar, my brand", "Proteinbar, mitt märke")
    keso = food("custom_keso", "Cottage cheese", "Keso")
    library = FoodLibrary(table, [bar, keso])
    assert library.resolve("protein bars, my brand", "en") is bar
    assert library.resolve("proteinbarer mitt märke", "sv") is bar
    assert library.resolve("keson", "sv") is keso
    assert library.resolve("custom_bar", "en") is bar
    assert library.resolve("roasted chicken breast", "en") is table.get(ROASTED_BREAST)


# --- custom foods --------------------------------------------------------------------------------


def test_custom_foods_are_merged_searchable_and_resolvable(table: FoodTable) -> None:
    bar = food("custom_protein_bar", "My protein bar", "Min proteinbar", protein_g=20)
    merged = table.with_extra([bar])
    assert len(merged) == len(table) + 1
    assert len(table) == len(merged) - 1  # the original is unchanged
    assert table.get("custom_protein_bar") is None
    assert merged.get("custom_protein_bar") is bar
    assert "custom_protein_bar" in merged
    assert "custom_protein_bar" not in table
    assert bar in merged.search("proteinbar", language="sv")
    assert merged.search("my protein bar")[0] is bar
    assert merged.resolve("min proteinbar", "sv") is bar
    assert merged.resolve("custom_protein_bar", "sv") is bar


def test_custom_food_shadows_a_built_in_name_and_replaces_a_same_id(
    table: FoodTable,
) -> None:
    own = food("custom_keso", "Cottage cheese", "Keso")
    merged = table.with_extra([own])
    assert merged.resolve("keso", "sv") is own
    assert table.resolve("keso", "sv") is table.get("01012")
    replacement = food("custom_keso", "Cottage cheese, my brand", "Keso, mitt märke")
    again = merged.with_extra([replacement])
    assert len(again) == len(merged)
    assert again.get("custom_keso") is replacement
    assert list(again)[-1] is replacement


def test_empty_table() -> None:
    empty = FoodTable()
    assert len(empty) == 0
    assert list(empty) == []
    assert empty.common() == []
    assert empty.search("anything") == []
    assert empty.resolve("anything", "en") is None


# --- load errors ---------------------------------------------------------------------------------


def test_load_reads_a_minimal_file(tmp_path: Path) -> None:
    path = tmp_path / "foods.csv"
    path.write_text(HEADER + "x,Thing,Sak,soy,10,0.8,100,1,,0\n", encoding="utf-8")
    loaded = FoodTable.load(path)
    assert list(loaded) == [
        Food(
            id="x",
            name="Thing",
            name_sv="Sak",
            category=Category.SOY,
            protein_g=10.0,
            leucine_g=0.8,
            kcal=100.0,
            leucine_estimated=True,
            usda_ndb=None,
            common=False,
        )
    ]


@pytest.mark.parametrize(
    "content",
    [
        "",
        "id,name\n",
        HEADER + "x,Thing,,not_a_category,10,0.8,100,1,,0\n",
        HEADER + "x,Thing,,soy,ten,0.8,100,1,,0\n",
        HEADER + "x,Thing,,soy,10,0.8,100,1\n",
    ],
)
def test_load_rejects_malformed_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "foods.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=r"foods\.csv"):
        FoodTable.load(path)


def test_the_prefix_cache_is_bounded_and_stays_correct() -> None:
    foods = FoodTable([food(str(i), f"Word{i}") for i in range(PREFIX_CACHE_SIZE + 10)])
    for i in range(PREFIX_CACHE_SIZE + 10):
        assert ids(foods.search(f"word{i}", limit=1)) == [str(i)]
    assert len(foods.search("word", limit=1000)) == PREFIX_CACHE_SIZE + 10


def test_index_can_be_built_ahead_of_the_first_search() -> None:
    foods = FoodTable([food("a", "Apple", "Äpple"), food("b", "Banana", "Banan")])
    foods.build_index()
    assert foods._index is not None
    assert set(foods._index.rank) == {"en", "sv"}
    assert ids(foods.search("ban")) == ["b"]
