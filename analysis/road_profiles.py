"""Speed profiles per road class, as stored with the network (one table per mode).

A profile maps a road class to a speed in km/h for one mode; ``0`` means the mode may not use the
class (e.g. ``footway = 0`` for cars, ``motorway = 0`` on foot). Classes absent from the profile
take its ``"default"`` entry (or the module default: walking 4.8 km/h, driving 30 km/h). For cars,
an edge's ``maxspeed`` (> 0) replaces the class speed on the classes cars may use, and a
``maxspeed`` of 0 closes the edge to cars (pedestrians still use it).

:class:`ProfiledNetwork` is a :class:`~.network.RoadNetwork` whose speeds (and so travel times,
usable edges and nodes) come from such profiles instead of the module-wide class sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional

import numpy as np

from .network import (
    CAR,
    DEFAULT_CAR_SPEEDS_KMH,
    DEFAULT_WALK_SPEED_KMH,
    MODES,
    MOTOR_ONLY,
    PEDESTRIAN_ONLY,
    WALK,
    RoadNetwork,
    _check_mode,
    car_speeds,
)

Profile = Dict[str, float]


def default_profiles() -> Dict[str, Profile]:
    """The documented defaults: walking 4.8 km/h on every class but motorways (0 = barred);
    driving at :data:`~.network.DEFAULT_CAR_SPEEDS_KMH`, pedestrian-only classes barred."""
    walk = {"default": DEFAULT_WALK_SPEED_KMH}
    walk.update(dict.fromkeys(sorted(MOTOR_ONLY), 0.0))
    car = dict(DEFAULT_CAR_SPEEDS_KMH)
    car.update(dict.fromkeys(sorted(PEDESTRIAN_ONLY), 0.0))
    return {WALK: walk, CAR: car}


def parse_profile(text: str) -> Profile:
    """``"class=speed, class=speed"`` (``;`` also separates) → dict; ValueError naming the
    faulty item. Speeds in km/h, >= 0."""
    out: Profile = {}
    for item in (text or "").replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        key, sep, value = item.partition("=")
        key = key.strip()
        try:
            speed = float(value.replace(" ", ""))
        except ValueError:
            speed = float("nan")
        if not sep or not key or not np.isfinite(speed) or speed < 0:
            raise ValueError(f"{item!r}: expected class=speed with a speed >= 0 km/h")
        out[key] = speed
    return out


def format_profile(profile: Mapping[str, float]) -> str:
    """Inverse of :func:`parse_profile` (``default`` first, then classes in order)."""
    keys = sorted(profile, key=lambda k: (k != "default", k))
    return ", ".join(f"{k}={profile[k]:g}" for k in keys)


@dataclass
class ProfiledNetwork(RoadNetwork):
    """A road network with per-mode speed profiles (see module rules)."""

    profiles: Dict[str, Profile] = field(default_factory=default_profiles)

    def edge_speeds(self, mode: str, speeds: Optional[Mapping[str, float]] = None) -> np.ndarray:
        _check_mode(mode)
        table = {"default": DEFAULT_WALK_SPEED_KMH if mode == WALK
                 else DEFAULT_CAR_SPEEDS_KMH["default"]}
        table.update(self.profiles.get(mode, {}))
        table.update(speeds or {})
        bad = {k: v for k, v in table.items() if not (np.isfinite(v) and v >= 0)}
        if bad:
            raise ValueError(f"{mode} speeds must be >= 0 km/h, got {bad}")
        classes, inverse = self.class_index()
        per_class = np.array([table.get(c, table["default"]) for c in classes], dtype=np.float64)
        per_class[per_class <= 0] = np.nan
        speed = per_class[inverse]
        if mode == CAR:
            speed = car_speeds(speed, self.maxspeed)
        return speed


def with_profiles(network: RoadNetwork, profiles: Mapping[str, Profile]) -> ProfiledNetwork:
    """The same arrays as ``network`` with ``profiles`` (missing modes: defaults)."""
    full = default_profiles()
    for mode in MODES:
        if mode in profiles:
            full[mode] = dict(profiles[mode])
    return ProfiledNetwork(network.node_x, network.node_y, network.from_node, network.to_node,
                           network.length, network.road_class, network.oneway, network.maxspeed,
                           full)
