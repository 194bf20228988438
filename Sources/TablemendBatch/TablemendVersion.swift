/// The version of tablemend that wrote a batch's outputs.
///
/// A batch re-run skips a file only when both its SHA-256 and this version are unchanged, so
/// bump it whenever a change to the readers, the forms stage or the value parser may change
/// what a file converts to.
public enum TablemendVersion {
  /// The version string, e.g. `0.1.0`.
  public static let current = "0.1.0"
}
