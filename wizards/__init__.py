from . import cs_reward_penalty_cancel
from . import cs_award_wizard
from . import cs_service_star_wizard
from . import cs_reward_statement_wizard
