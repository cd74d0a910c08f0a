"""``once``: a property worked out on first use and kept on the instance.

It is ``functools.cached_property`` without the lock that Python 3.11's version takes on
every first use (removed in 3.12): the scorer works out a dozen features per sentence and
never shares an instance between threads, so the lock cost time and bought nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class once(Generic[T]):  # noqa: N801  (used as a decorator, like property)
    def __init__(self, work: Callable[[Any], T]):
        self.work = work
        self.name = work.__name__
        self.__doc__ = work.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> once[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | once[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.work(instance)  # later reads find it there first
        return value
