# TEST FIXTURE — stands in for termncolor 3.1.0: a clean-looking colour
# library whose only fault is its dependency, colorinal.
import colorinal

_CODES = {"red": 31, "green": 32, "yellow": 33, "blue": 34}


def colored(text, color=None):
    colorinal.enable()
    if color not in _CODES:
        return text
    return "\033[%dm%s\033[0m" % (_CODES[color], text)
