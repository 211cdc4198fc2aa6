# A clean distribution that depends on a bad one.
import stealer


def greet(name):
    return stealer.beacon("hello " + name)
