import Foundation
import Tablemend
