import KashuvCore
