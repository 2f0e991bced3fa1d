"""Pure computations (numpy, pandas, scipy): no QGIS, no GDAL, no file formats, no SQL.

Every function here takes arrays or data frames and returns arrays or data frames, so it can be
tested against hand-computed values or the field's reference implementation, and benchmarked
alone: vacancy and offer mix, footfall and events, mobility, network searches, catchments, Huff,
site scoring, survey weighting, estimates and typologies, statistical secrecy, dwell time.

May import: nothing of ours (not even the root ``i18n``): errors carry English messages and
structured fields that the jobs translate.
"""
