"""Constants of a person: their config entry, options, action fields and events."""

from typing import Final

# Config entry data of a person (who they are).
CONF_PERSON_NAME: Final = "name"

# Config entry options (their goals and plan; changeable in the options flow).
CONF_BODY_MASS: Final = "body_mass_kg"
CONF_AGE_GROUP: Final = "age_group"
CONF_FAST_GOAL: Final = "fast_goal_h"
CONF_WINDOW_MODE: Final = "window_mode"
CONF_WINDOW_START: Final = "window_start"
CONF_WINDOW_LENGTH: Final = "window_length_h"
CONF_LEUCINE_TARGET: Final = "leucine_target_g"
CONF_PROTEIN_TARGET: Final = "protein_target_g"
CONF_DAY_START: Final = "day_start"
CONF_PLAN: Final = "plan"
CONF_SCALE_ENTITY: Final = "scale_entity"
# The Home Assistant person (and so user) this person is (see `access`); else by name.
CONF_HA_PERSON: Final = "ha_person"
CONF_LOG_MODE: Final = "log_mode"
CONF_CLAIM_WINDOW: Final = (
    "claim_window_min"  # how long "this is mine" lasts on a shared scale
)
CONF_BEDTIME: Final = "bedtime"
CONF_WAKE_TIME: Final = "wake_time"
CONF_PRE_SLEEP: Final = "pre_sleep_protein"
CONF_TRAINING: Final = "training"  # a section: a start time per weekday (or none)
CONF_TRAINING_MINUTES: Final = "training_minutes"
CONF_TRAINING_ENTITY: Final = (
    "training_entity"  # on while training (switch, calendar...)
)
# Weigh it, show it (person/photo.py): the AI Task entity that identifies a photo (none:
# off), the kitchen camera it looks through, and logging a sure answer without a tap.
CONF_PHOTO_AI_TASK: Final = "photo_ai_task"
CONF_PHOTO_CAMERA: Final = "photo_camera"
CONF_PHOTO_AUTO_LOG: Final = "photo_auto_log"

WINDOW_MODE_FIXED: Final = "fixed"
WINDOW_MODE_FIRST_MEAL: Final = "first_meal"
LOG_MODE_ON_REMOVAL: Final = "on_removal"
LOG_MODE_BUTTON: Final = "button"
# Eat from a container: weigh it before and after; what went is logged.
LOG_MODE_CONTAINER: Final = "container"
LOG_MODES: Final = (LOG_MODE_ON_REMOVAL, LOG_MODE_BUTTON, LOG_MODE_CONTAINER)

WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DEFAULT_BODY_MASS: Final = 75.0
DEFAULT_FAST_GOAL: Final = 14.0
DEFAULT_WINDOW_START: Final = "08:00:00"
DEFAULT_WINDOW_LENGTH: Final = 10.0
DEFAULT_DAY_START: Final = "00:00:00"
DEFAULT_BEDTIME: Final = "23:00:00"
DEFAULT_WAKE_TIME: Final = "07:00:00"
DEFAULT_TRAINING_MINUTES: Final = 60.0
DEFAULT_CLAIM_WINDOW: Final = 3.0

# Fields of the actions and of the own-food and barcode forms (one name, one meaning).
ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
ATTR_FOOD: Final = "food"
ATTR_FOODS: Final = "foods"
ATTR_GRAMS: Final = "grams"
ATTR_TIME: Final = "time"
ATTR_LEUCINE: Final = "leucine_g"
ATTR_PROTEIN: Final = "protein_g"
ATTR_KCAL: Final = "kcal"
ATTR_CATEGORY: Final = "category"
ATTR_NAME: Final = "name"
ATTR_ENTRY_ID: Final = "entry_id"
ATTR_PORTION_ID: Final = "portion_id"
ATTR_LAST_DAY: Final = "last_day"
ATTR_QUERY: Final = "query"
ATTR_LIMIT: Final = "limit"
ATTR_START: Final = "start"
ATTR_END: Final = "end"
ATTR_BARCODE: Final = "barcode"

SERVICE_LOG_FOOD: Final = "log_food"
SERVICE_LOG_NUTRIENTS: Final = "log_nutrients"
SERVICE_UNDO_LAST: Final = "undo_last"
SERVICE_DELETE_ENTRY: Final = "delete_entry"
SERVICE_SEARCH_FOODS: Final = "search_foods"
SERVICE_GET_LOG: Final = "get_log"
SERVICE_ADD_BARCODE_FOOD: Final = "add_barcode_food"
SERVICE_ASSIGN_PORTION: Final = "assign_portion"
SERVICE_WEEKLY_SUMMARY: Final = "weekly_summary"
SERVICE_DROP_PORTION: Final = "drop_portion"
SERVICE_RESTORE_ENTRY: Final = "restore_entry"
SERVICE_GET_TRASH: Final = "get_trash"

# The Meal event entity's event types.
EVENT_LOGGED: Final = "logged"
EVENT_REMOVED: Final = "removed"

# The person's own foods (typed in or from a barcode) have ids with this prefix.
OWN_FOOD_PREFIX: Final = "custom_"
