# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

from zsdesk.ui.dates import DateEdit

class Ui_VisitDialog(object):
    def setupUi(self, VisitDialog):
        if not VisitDialog.objectName():
            VisitDialog.setObjectName(u"VisitDialog")
        VisitDialog.resize(860, 680)
        VisitDialog.setAcceptDrops(True)
        self.outer = QVBoxLayout(VisitDialog)
        self.outer.setObjectName(u"outer")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.dateLabel = QLabel(VisitDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = DateEdit(VisitDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.enterpriseLabel = QLabel(VisitDialog)
        self.enterpriseLabel.setObjectName(u"enterpriseLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.enterpriseLabel)

        self.enterpriseRow = QHBoxLayout()
        self.enterpriseRow.setObjectName(u"enterpriseRow")
        self.pickerSlot = QWidget(VisitDialog)
        self.pickerSlot.setObjectName(u"pickerSlot")

        self.enterpriseRow.addWidget(self.pickerSlot)

        self.newEnterpriseButton = QPushButton(VisitDialog)
        self.newEnterpriseButton.setObjectName(u"newEnterpriseButton")

        self.enterpriseRow.addWidget(self.newEnterpriseButton)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.enterpriseRow)

        self.formLabel = QLabel(VisitDialog)
        self.formLabel.setObjectName(u"formLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.formLabel)

        self.formCombo = QComboBox(VisitDialog)
        self.formCombo.setObjectName(u"formCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.officerLabel = QLabel(VisitDialog)
        self.officerLabel.setObjectName(u"officerLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerEdit = QLineEdit(VisitDialog)
        self.officerEdit.setObjectName(u"officerEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.officerEdit)

        self.participantsLabel = QLabel(VisitDialog)
        self.participantsLabel.setObjectName(u"participantsLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.participantsLabel)

        self.participantsEdit = QLineEdit(VisitDialog)
        self.participantsEdit.setObjectName(u"participantsEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.participantsEdit)

        self.leaderLabel = QLabel(VisitDialog)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.leaderLabel)

        self.leaderRow = QHBoxLayout()
        self.leaderRow.setObjectName(u"leaderRow")
        self.leaderEdit = QLineEdit(VisitDialog)
        self.leaderEdit.setObjectName(u"leaderEdit")

        self.leaderRow.addWidget(self.leaderEdit)

        self.leaderRankEdit = QLineEdit(VisitDialog)
        self.leaderRankEdit.setObjectName(u"leaderRankEdit")

        self.leaderRow.addWidget(self.leaderRankEdit)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.leaderRow)

        self.purposeLabel = QLabel(VisitDialog)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeEdit = QLineEdit(VisitDialog)
        self.purposeEdit.setObjectName(u"purposeEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.purposeEdit)

        self.minutesLabel = QLabel(VisitDialog)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.minutesLabel)

        self.minutesEdit = QPlainTextEdit(VisitDialog)
        self.minutesEdit.setObjectName(u"minutesEdit")
        self.minutesEdit.setTabChangesFocus(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.minutesEdit)

        self.intentionLabel = QLabel(VisitDialog)
        self.intentionLabel.setObjectName(u"intentionLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.intentionLabel)

        self.intentionRow = QGridLayout()
        self.intentionRow.setObjectName(u"intentionRow")
        self.intentionIndustryLabel = QLabel(VisitDialog)
        self.intentionIndustryLabel.setObjectName(u"intentionIndustryLabel")

        self.intentionRow.addWidget(self.intentionIndustryLabel, 0, 0, 1, 1)

        self.intentionIndustryCombo = QComboBox(VisitDialog)
        self.intentionIndustryCombo.setObjectName(u"intentionIndustryCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.intentionIndustryCombo.sizePolicy().hasHeightForWidth())
        self.intentionIndustryCombo.setSizePolicy(sizePolicy)

        self.intentionRow.addWidget(self.intentionIndustryCombo, 0, 1, 1, 1)

        self.intentionAmountLabel = QLabel(VisitDialog)
        self.intentionAmountLabel.setObjectName(u"intentionAmountLabel")

        self.intentionRow.addWidget(self.intentionAmountLabel, 0, 2, 1, 1)

        self.intentionAmountEdit = QLineEdit(VisitDialog)
        self.intentionAmountEdit.setObjectName(u"intentionAmountEdit")
        self.intentionAmountEdit.setMinimumSize(QSize(70, 0))

        self.intentionRow.addWidget(self.intentionAmountEdit, 0, 3, 1, 1)

        self.intentionCityLabel = QLabel(VisitDialog)
        self.intentionCityLabel.setObjectName(u"intentionCityLabel")

        self.intentionRow.addWidget(self.intentionCityLabel, 1, 0, 1, 1)

        self.intentionCityCombo = QComboBox(VisitDialog)
        self.intentionCityCombo.setObjectName(u"intentionCityCombo")
        self.intentionCityCombo.setEditable(True)
        sizePolicy.setHeightForWidth(self.intentionCityCombo.sizePolicy().hasHeightForWidth())
        self.intentionCityCombo.setSizePolicy(sizePolicy)

        self.intentionRow.addWidget(self.intentionCityCombo, 1, 1, 1, 1)

        self.intentionParkLabel = QLabel(VisitDialog)
        self.intentionParkLabel.setObjectName(u"intentionParkLabel")

        self.intentionRow.addWidget(self.intentionParkLabel, 1, 2, 1, 1)

        self.intentionParkEdit = QLineEdit(VisitDialog)
        self.intentionParkEdit.setObjectName(u"intentionParkEdit")
        self.intentionParkEdit.setMinimumSize(QSize(70, 0))

        self.intentionRow.addWidget(self.intentionParkEdit, 1, 3, 1, 1)

        self.intentionRow.setColumnStretch(1, 3)
        self.intentionRow.setColumnStretch(3, 2)

        self.form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.intentionRow)


        self.columns.addLayout(self.form)

        self.side = QVBoxLayout()
        self.side.setObjectName(u"side")
        self.demandsLabel = QLabel(VisitDialog)
        self.demandsLabel.setObjectName(u"demandsLabel")

        self.side.addWidget(self.demandsLabel)

        self.demandsEdit = QPlainTextEdit(VisitDialog)
        self.demandsEdit.setObjectName(u"demandsEdit")
        self.demandsEdit.setTabChangesFocus(True)

        self.side.addWidget(self.demandsEdit)

        self.demandTable = QTableWidget(VisitDialog)
        self.demandTable.setObjectName(u"demandTable")
        self.demandTable.setMaximumHeight(120)
        self.demandTable.setTabKeyNavigation(False)

        self.side.addWidget(self.demandTable)

        self.nextStepsLabel = QLabel(VisitDialog)
        self.nextStepsLabel.setObjectName(u"nextStepsLabel")

        self.side.addWidget(self.nextStepsLabel)

        self.nextStepsEdit = QPlainTextEdit(VisitDialog)
        self.nextStepsEdit.setObjectName(u"nextStepsEdit")
        self.nextStepsEdit.setTabChangesFocus(True)

        self.side.addWidget(self.nextStepsEdit)

        self.taskTable = QTableWidget(VisitDialog)
        self.taskTable.setObjectName(u"taskTable")
        self.taskTable.setMaximumHeight(100)
        self.taskTable.setTabKeyNavigation(False)

        self.side.addWidget(self.taskTable)

        self.existingLabel = QLabel(VisitDialog)
        self.existingLabel.setObjectName(u"existingLabel")

        self.side.addWidget(self.existingLabel)

        self.existingTree = QTreeWidget(VisitDialog)
        self.existingTree.setObjectName(u"existingTree")
        self.existingTree.setRootIsDecorated(False)
        self.existingTree.setAlternatingRowColors(True)
        self.existingTree.setMaximumHeight(150)

        self.side.addWidget(self.existingTree)

        self.attachRow = QHBoxLayout()
        self.attachRow.setObjectName(u"attachRow")
        self.attachLabel = QLabel(VisitDialog)
        self.attachLabel.setObjectName(u"attachLabel")

        self.attachRow.addWidget(self.attachLabel)

        self.attachButton = QPushButton(VisitDialog)
        self.attachButton.setObjectName(u"attachButton")

        self.attachRow.addWidget(self.attachButton)


        self.side.addLayout(self.attachRow)

        self.attachList = QListWidget(VisitDialog)
        self.attachList.setObjectName(u"attachList")
        self.attachList.setMaximumHeight(130)

        self.side.addWidget(self.attachList)

        self.attachActions = QHBoxLayout()
        self.attachActions.setObjectName(u"attachActions")
        self.attachSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachActions.addItem(self.attachSpacer)

        self.openAttachButton = QPushButton(VisitDialog)
        self.openAttachButton.setObjectName(u"openAttachButton")
        self.openAttachButton.setEnabled(False)

        self.attachActions.addWidget(self.openAttachButton)

        self.removeAttachButton = QPushButton(VisitDialog)
        self.removeAttachButton.setObjectName(u"removeAttachButton")
        self.removeAttachButton.setEnabled(False)

        self.attachActions.addWidget(self.removeAttachButton)


        self.side.addLayout(self.attachActions)


        self.columns.addLayout(self.side)


        self.outer.addLayout(self.columns)

        self.generalError = QLabel(VisitDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setStyleSheet(u"color: #c0392b;")
        self.generalError.setWordWrap(True)

        self.outer.addWidget(self.generalError)

        self.buttonBox = QDialogButtonBox(VisitDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.outer.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.formLabel.setBuddy(self.formCombo)
        self.officerLabel.setBuddy(self.officerEdit)
        self.participantsLabel.setBuddy(self.participantsEdit)
        self.leaderLabel.setBuddy(self.leaderEdit)
        self.purposeLabel.setBuddy(self.purposeEdit)
        self.minutesLabel.setBuddy(self.minutesEdit)
        self.intentionIndustryLabel.setBuddy(self.intentionIndustryCombo)
        self.intentionAmountLabel.setBuddy(self.intentionAmountEdit)
        self.intentionCityLabel.setBuddy(self.intentionCityCombo)
        self.intentionParkLabel.setBuddy(self.intentionParkEdit)
        self.demandsLabel.setBuddy(self.demandsEdit)
        self.nextStepsLabel.setBuddy(self.nextStepsEdit)
        self.existingLabel.setBuddy(self.existingTree)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.formCombo)
        QWidget.setTabOrder(self.formCombo, self.officerEdit)
        QWidget.setTabOrder(self.officerEdit, self.participantsEdit)
        QWidget.setTabOrder(self.participantsEdit, self.leaderEdit)
        QWidget.setTabOrder(self.leaderEdit, self.leaderRankEdit)
        QWidget.setTabOrder(self.leaderRankEdit, self.purposeEdit)
        QWidget.setTabOrder(self.purposeEdit, self.minutesEdit)
        QWidget.setTabOrder(self.minutesEdit, self.intentionIndustryCombo)
        QWidget.setTabOrder(self.intentionIndustryCombo, self.intentionAmountEdit)
        QWidget.setTabOrder(self.intentionAmountEdit, self.intentionCityCombo)
        QWidget.setTabOrder(self.intentionCityCombo, self.intentionParkEdit)
        QWidget.setTabOrder(self.intentionParkEdit, self.demandsEdit)
        QWidget.setTabOrder(self.demandsEdit, self.nextStepsEdit)
        QWidget.setTabOrder(self.nextStepsEdit, self.existingTree)
        QWidget.setTabOrder(self.existingTree, self.attachButton)
        QWidget.setTabOrder(self.attachButton, self.attachList)
        QWidget.setTabOrder(self.attachList, self.openAttachButton)
        QWidget.setTabOrder(self.openAttachButton, self.removeAttachButton)

        self.retranslateUi(VisitDialog)

        QMetaObject.connectSlotsByName(VisitDialog)
    # setupUi

    def retranslateUi(self, VisitDialog):
        VisitDialog.setWindowTitle(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u8bb0\u5f55", None))
        self.dateLabel.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u65e5\u671f(&D)*", None))
        self.enterpriseLabel.setText(QCoreApplication.translate("VisitDialog", u"\u4f01\u4e1a(&E)*", None))
        self.newEnterpriseButton.setText(QCoreApplication.translate("VisitDialog", u"\u65b0\u5efa\u4f01\u4e1a(&W)\u2026", None))
        self.formLabel.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u5f62\u5f0f(&F)*", None))
        self.officerLabel.setText(QCoreApplication.translate("VisitDialog", u"\u8bb0\u5f55\u4eba(&O)", None))
        self.participantsLabel.setText(QCoreApplication.translate("VisitDialog", u"\u53c2\u52a0\u4eba\u5458(&P)", None))
        self.participantsEdit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u591a\u4eba\u7528\u987f\u53f7\u3001\u5206\u9694", None))
        self.leaderLabel.setText(QCoreApplication.translate("VisitDialog", u"\u5e26\u961f\u9886\u5bfc(&L)", None))
        self.leaderRankEdit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u804c\u7ea7\uff0c\u5982 \u526f\u4e3b\u4efb", None))
        self.purposeLabel.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u76ee\u7684(&U)", None))
        self.minutesLabel.setText(QCoreApplication.translate("VisitDialog", u"\u6d3d\u8c08\u5185\u5bb9(&M)", None))
        self.intentionLabel.setText(QCoreApplication.translate("VisitDialog", u"\u6295\u8d44\u610f\u5411", None))
        self.intentionIndustryLabel.setText(QCoreApplication.translate("VisitDialog", u"\u884c\u4e1a(&I)", None))
        self.intentionAmountLabel.setText(QCoreApplication.translate("VisitDialog", u"\u91d1\u989d\uff08\u4ebf\u5143\uff09(&A)", None))
        self.intentionAmountEdit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5982 2.5", None))
        self.intentionCityLabel.setText(QCoreApplication.translate("VisitDialog", u"\u843d\u5730\u57ce\u5e02(&C)", None))
        self.intentionParkLabel.setText(QCoreApplication.translate("VisitDialog", u"\u56ed\u533a(&K)", None))
        self.intentionParkEdit.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5982 \u4e34\u6e2f\u65b0\u7247\u533a", None))
        self.demandsLabel.setText(QCoreApplication.translate("VisitDialog", u"\u4f01\u4e1a\u8bc9\u6c42(&Q)\uff08\u6bcf\u884c\u4e00\u6761\uff0c\u4fdd\u5b58\u540e\u751f\u6210\u8bc9\u6c42\u8bb0\u5f55\uff09", None))
        self.nextStepsLabel.setText(QCoreApplication.translate("VisitDialog", u"\u4e0b\u4e00\u6b65\u5de5\u4f5c(&N)\uff08\u6bcf\u884c\u4e00\u6761\uff0c\u4fdd\u5b58\u540e\u751f\u6210\u8ddf\u8fdb\u4efb\u52a1\uff09", None))
        self.existingLabel.setText(QCoreApplication.translate("VisitDialog", u"\u672c\u6b21\u8d70\u8bbf\u5df2\u6709\u7684\u8bc9\u6c42\u548c\u4efb\u52a1", None))
        ___qtreewidgetitem = self.existingTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("VisitDialog", u"\u671f\u9650", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("VisitDialog", u"\u72b6\u6001", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("VisitDialog", u"\u5185\u5bb9", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("VisitDialog", u"\u7c7b\u522b", None))
        self.attachLabel.setText(QCoreApplication.translate("VisitDialog", u"\u9644\u4ef6\uff08\u7167\u7247\u3001\u540d\u7247\u3001\u51fd\u4ef6\uff0c\u53ef\u62d6\u5165\uff09", None))
        self.attachButton.setText(QCoreApplication.translate("VisitDialog", u"\u6dfb\u52a0\u9644\u4ef6(&T)\u2026", None))
        self.openAttachButton.setText(QCoreApplication.translate("VisitDialog", u"\u6253\u5f00", None))
        self.removeAttachButton.setText(QCoreApplication.translate("VisitDialog", u"\u79fb\u9664", None))
    # retranslateUi

