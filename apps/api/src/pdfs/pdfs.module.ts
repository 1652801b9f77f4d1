import { Module } from '@nestjs/common';
import { PdfsController } from './pdfs.controller';
import { PdfsRepository } from './pdfs.repository';
import { PdfsService } from './pdfs.service';

@Module({ controllers: [PdfsController], providers: [PdfsService, PdfsRepository], exports: [PdfsService] })
export class PdfsModule {}
