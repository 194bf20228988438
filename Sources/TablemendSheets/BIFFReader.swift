import Foundation
import TablemendModel

enum BIFFReader {
  static func read(_ data: Data, limits: Limits) throws(SheetsError) -> Workbook {
    throw SheetsError(message: "not yet")
  }
}
