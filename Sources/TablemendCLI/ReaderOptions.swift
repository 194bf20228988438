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

  @Option(
    help: ArgumentHelp(
      "Read only these pages of a PDF, e.g. 3-7 or 1,4-5 (other inputs ignore it).",
      valueName: "pages"))
  var pages: String?

  func validate() throws {
    try Self.check(encoding: encoding, dialect: dialect)
    _ = try limits()
    _ = try pageSelection()
  }

  /// `--pages` parsed, or nil when it is not given.
  func pageSelection() throws -> PageSelection? {
    guard let pages else { return nil }
    guard let selection = PageSelection(pages) else {
      throw ValidationError(
        "--pages '\(pages)' is not a page list: use pages from 1, e.g. 3-7 or 1,4-5")
    }
    return selection
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
    ConvertOptions(
      encoding: encoding, dialect: dialect, limits: try limits(), pages: try pageSelection())
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
