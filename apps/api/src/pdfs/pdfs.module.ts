import { Module } from '@nestjs/common';
import { PdfsController } from './pdfs.controller';
import { PdfsService } from './pdfs.service';

@Module({ controllers: [PdfsController], providers: [PdfsService], exports: [PdfsService] })
export class PdfsModule {}
