/// One item of a document's body in reading order: a paragraph outside any table, or a table.
///
/// Both input paths (text exports and DOCX) produce blocks; the forms stage reads titles such
/// as 项目支出绩效目标表 and （2021年度） from the paragraphs around a table.
public enum Block: Sendable, Hashable {
  case paragraph(String, Location)
  case table(Table)

  /// The table, if the block is one.
  public var table: Table? {
    if case .table(let table) = self { return table }
    return nil
  }

  /// The paragraph's text, if the block is one.
  public var paragraph: String? {
    if case .paragraph(let text, _) = self { return text }
    return nil
  }
}
