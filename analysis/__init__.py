"""Pure computations (numpy, pandas, scipy): no QGIS, no GDAL, no file formats.

Every function here takes arrays or data frames and returns arrays or data frames, so it can be
tested and benchmarked alone.
"""
