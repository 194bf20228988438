/// One item of a document's body in reading order: a paragraph outside any table, or a table.
///
/// Both input paths (text exports and DOCX) produce blocks; the forms stage reads titles such
/// as 项目支出绩效目标表 and （2021年度） from the paragraphs around a table.
public enum Block: Sendable, Hashable {
  case paragraph(String, Location)
  case table(Table)
}
