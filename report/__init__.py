from . import cs_reward_statement
