/// The canonical output for one input file: its tables, the forms found in them, and what was
/// noticed on the way.
public struct Document: Codable, Sendable, Hashable {
  /// The contract version, always `tablemend/1`.
  public var model: String
  public var source: Source
  public var tables: [Table]
  public var forms: [Form]
  public var diagnostics: [Diagnostic]

  /// The model version this build writes.
  public static let modelVersion = "tablemend/1"

  public init(source: Source, tables: [Table], forms: [Form], diagnostics: [Diagnostic]) {
    self.model = Document.modelVersion
    self.source = source
    self.tables = tables
    self.forms = forms
    self.diagnostics = diagnostics
  }
}
