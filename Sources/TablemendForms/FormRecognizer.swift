import Foundation
import TablemendModel
import TablemendValues

/// Forms found in a document's blocks, and what was repaired or doubted on the way.
public struct Recognition: Sendable {
  public var forms: [Form]
  public var diagnostics: [Diagnostic]
}

/// Finds performance forms in grids and extracts their fields, funds, goals and indicators.
///
/// Each table that holds an indicator header (一级/二级/三级指标) or form fields (项目名称,
/// 部门(单位)名称) gives a form; the paragraphs just before it give its title, year and
/// document-level fields (填报日期, 单位). Rows are read by what their first cell says:
/// funds (…资金…), goals (…目标), an indicator block, a repeated sub-table, or label/value
/// pairs.
public enum FormRecognizer {
  /// Recognises every form in `blocks`.
  public static func recognize(_ blocks: [Block]) -> Recognition {
    var forms: [Form] = []
    var diagnostics: [Diagnostic] = []
    var pending: [(String, Location)] = []
    for block in blocks {
      switch block {
      case .paragraph(let text, let location):
        pending.append((text, location))
        if pending.count > 12 { pending.removeFirst() }
      case .table(let table):
        var reader = FormReader(table: table, preceding: pending)
        if let form = reader.read() {
          forms.append(form)
          pending = []
        }
        diagnostics += reader.diagnostics
      }
    }
    return Recognition(forms: forms, diagnostics: diagnostics)
  }
}
