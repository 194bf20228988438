import ArgumentParser
import Tablemend

/// The options that choose how inputs are read and within which limits, shared by `convert`,
/// `batch` and `show`.
struct ReaderOptions: ParsableArguments {
  @Option(help: "Force the text encoding: utf-8, utf-16le, utf-16be, gb18030, big5.")
  var encoding: String?

  @Option(help: "Force the reader instead of detecting it (`convert --help` lists them).")
  var dialect: String?

  @Option(
    name: .customLong("limit"),
    help: ArgumentHelp(
      "Override a limit, e.g. maxInputBytes=1G (repeatable; see SECURITY.md).",
      valueName: "name=value"))
  var limitOverrides: [String] = []

  func validate() throws {
    try Self.check(encoding: encoding, dialect: dialect)
    _ = try limits()
  }

  /// The standard limits with the `--limit` overrides applied.
  func limits() throws -> Limits {
    var limits = Limits.standard
    for assignment in limitOverrides {
      do { try limits.apply(assignment) } catch { throw ValidationError(error.description) }
    }
    return limits
  }

  /// The converter options these arguments name.
  func convertOptions() throws -> ConvertOptions {
    ConvertOptions(encoding: encoding, dialect: dialect, limits: try limits())
  }

  /// Usage errors (exit 64) for an unknown encoding or dialect, listing the known ones.
  static func check(encoding: String?, dialect: String?) throws {
    if let encoding, !ConvertOptions.encodingNames.contains(encoding.lowercased()) {
      throw ValidationError(
        "unknown encoding '\(encoding)'; use one of "
          + ConvertOptions.encodingNames.joined(separator: ", "))
    }
    if let dialect, !Converter.dialects.contains(dialect) {
      throw ValidationError(
        "unknown dialect '\(dialect)'; known: \(Converter.dialects.joined(separator: ", "))")
    }
  }
}
