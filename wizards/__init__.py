from . import cs_ticket_extend
from . import cs_ticket_hand_over
from . import cs_ticket_spot_check
from . import cs_reward_penalty_cancel
from . import cs_award_wizard
from . import cs_service_star_wizard
from . import cs_reward_statement_wizard
from . import cs_complaint_summary_wizard
