import TablemendModel

/// The limits the fuzz targets read with: smaller caps than the defaults so one input stays
/// fast (a container's parts and their inflation, a table's rows and cells).
public enum FuzzLimits {
  public static let small: Limits = {
    var limits = Limits()
    limits.maxPartBytes = 4 << 20
    limits.maxTotalInflatedBytes = 8 << 20
    limits.maxRowsPerTable = 20_000
    limits.maxCellsPerTable = 100_000
    return limits
  }()
}
