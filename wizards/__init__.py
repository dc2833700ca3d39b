from . import cs_ticket_extend
from . import cs_ticket_hand_over
from . import cs_ticket_spot_check
