# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(560, 380)
        self.verticalLayout = QVBoxLayout(FirstRunDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.intro = QLabel(FirstRunDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.verticalLayout.addWidget(self.intro)

        self.newBox = QGroupBox(FirstRunDialog)
        self.newBox.setObjectName(u"newBox")
        self.form = QFormLayout(self.newBox)
        self.form.setObjectName(u"form")
        self.pathLabel = QLabel(self.newBox)
        self.pathLabel.setObjectName(u"pathLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.pathEdit = QLineEdit(self.newBox)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathRow.addWidget(self.pathEdit)

        self.browseButton = QPushButton(self.newBox)
        self.browseButton.setObjectName(u"browseButton")

        self.pathRow.addWidget(self.browseButton)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.pathRow)

        self.officeLabel = QLabel(self.newBox)
        self.officeLabel.setObjectName(u"officeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officeLabel)

        self.officeEdit = QLineEdit(self.newBox)
        self.officeEdit.setObjectName(u"officeEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.officeEdit)

        self.unitLabel = QLabel(self.newBox)
        self.unitLabel.setObjectName(u"unitLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(self.newBox)
        self.unitEdit.setObjectName(u"unitEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.officerLabel = QLabel(self.newBox)
        self.officerLabel.setObjectName(u"officerLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerEdit = QLineEdit(self.newBox)
        self.officerEdit.setObjectName(u"officerEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.officerEdit)


        self.verticalLayout.addWidget(self.newBox)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.openButton = QPushButton(FirstRunDialog)
        self.openButton.setObjectName(u"openButton")

        self.buttons.addWidget(self.openButton)

        self.demoButton = QPushButton(FirstRunDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.buttons.addWidget(self.demoButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.createButton = QPushButton(FirstRunDialog)
        self.createButton.setObjectName(u"createButton")

        self.buttons.addWidget(self.createButton)

        self.cancelButton = QPushButton(FirstRunDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttons.addWidget(self.cancelButton)


        self.verticalLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.pathLabel.setBuddy(self.pathEdit)
        self.officeLabel.setBuddy(self.officeEdit)
        self.unitLabel.setBuddy(self.unitEdit)
        self.officerLabel.setBuddy(self.officerEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.officeEdit, self.unitEdit)
        QWidget.setTabOrder(self.unitEdit, self.officerEdit)
        QWidget.setTabOrder(self.officerEdit, self.createButton)
        QWidget.setTabOrder(self.createButton, self.pathEdit)

        self.retranslateUi(FirstRunDialog)

        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u6b22\u8fce\u4f7f\u7528\u62db\u5546\u5916\u52e4", None))
        self.intro.setText(QCoreApplication.translate("FirstRunDialog", u"\u9996\u6b21\u4f7f\u7528\uff1a\u8bf7\u65b0\u5efa\u672c\u529e\u4e8b\u5904\u7684\u6570\u636e\u5e93\uff0c\u6216\u6253\u5f00\u5df2\u6709\u6570\u636e\u5e93\uff0c\u4e5f\u53ef\u4ee5\u5148\u6253\u5f00\u6f14\u793a\u6570\u636e\u770b\u770b\u3002", None))
        self.newBox.setTitle(QCoreApplication.translate("FirstRunDialog", u"\u65b0\u5efa\u6570\u636e\u5e93", None))
        self.pathLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u6570\u636e\u5e93\u6587\u4ef6(&F)", None))
        self.browseButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u6d4f\u89c8\u2026", None))
        self.officeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u529e\u4e8b\u5904\u540d\u79f0(&O)*", None))
        self.officeEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u5982 \u7701\u653f\u5e9c\u9a7b\u4e0a\u6d77\u529e\u4e8b\u5904", None))
        self.unitLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u586b\u62a5\u5355\u4f4d(&U)", None))
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u5e02(\u5dde)\u6216\u529e\u4e8b\u5904\uff0c\u9ed8\u8ba4\u540c\u529e\u4e8b\u5904\u540d\u79f0", None))
        self.officerLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u4f7f\u7528\u4eba\u59d3\u540d(&N)", None))
        self.openButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u6253\u5f00\u5df2\u6709\u6570\u636e\u5e93\u2026", None))
        self.demoButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u6253\u5f00\u6f14\u793a\u6570\u636e", None))
        self.createButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u65b0\u5efa\u5e76\u5f00\u59cb", None))
        self.cancelButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u9000\u51fa", None))
    # retranslateUi

