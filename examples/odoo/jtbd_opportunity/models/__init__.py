from . import jtbd_survey
