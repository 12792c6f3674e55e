import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type InventoryItemView, type InventoryMatchCandidate, type Page } from '@marsad/contracts';
import type { ActorContext, SignedInContext } from '../auth/actor';
import { Authorize, Caller, Public, SignedInCaller } from '../auth/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import {
  ConfirmMatchDto,
  CreateInventoryItemDto,
  InventoryQueryDto,
  UpdateInventoryItemDto,
} from './dto/inventory.dto';
import { InventoryMatchingService } from './inventory-matching.service';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@Controller({ version: '1' })
export class InventoryController {
  constructor(
    private readonly inventory: InventoryService,
    private readonly matching: InventoryMatchingService,
  ) {}

  @Get('institutions/:code/inventory')
  @Public()
  @ApiOperation({
    summary:
      "An administration's data inventory, paged and searchable; only public items unless you may read the whole inventory",
  })
  list(
    @Caller() caller: ActorContext,
    @Param('code') code: string,
    @Query() query: InventoryQueryDto,
  ): Promise<Page<InventoryItemView>> {
    return this.inventory.list(code, query, caller);
  }

  @Post('institutions/:code/inventory')
  @Authorize(Permission.InventoryManage)
  @ApiOperation({ summary: 'Add an item to the inventory (officers and data managers: their own administration)' })
  create(
    @SignedInCaller() caller: SignedInContext,
    @Param('code') code: string,
    @Body() dto: CreateInventoryItemDto,
  ): Promise<InventoryItemView> {
    return this.inventory.create(caller, code, dto);
  }

  @Get('inventory/:id')
  @Public()
  @ApiOperation({
    summary: 'One inventory item (404 for an item that is not public, unless you may read the whole inventory)',
  })
  get(
    @Caller() caller: ActorContext,
    @Param('id', new UuidParamPipe('inventoryItem')) id: string,
  ): Promise<InventoryItemView> {
    return this.inventory.get(id, caller);
  }

  @Patch('inventory/:id')
  @Authorize(Permission.InventoryManage)
  @ApiOperation({
    summary: 'Correct an inventory item (send the version you read; 409 with the current state when stale)',
  })
  update(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('inventoryItem')) id: string,
    @Body() dto: UpdateInventoryItemDto,
  ): Promise<InventoryItemView> {
    return this.inventory.update(caller, id, dto);
  }

  @Delete('inventory/:id')
  @HttpCode(204)
  @Authorize(Permission.InventoryManage)
  @ApiOperation({ summary: 'Remove an item entered by mistake; a published item cannot be removed (mark it withheld)' })
  remove(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('inventoryItem')) id: string,
  ): Promise<void> {
    return this.inventory.remove(caller, id);
  }

  @Get('inventory/:id/match-candidates')
  @Authorize(Permission.InventoryRead)
  @ApiOperation({
    summary: "Up to 10 datasets of the administration's portal organisation that may be this item, best first",
  })
  candidates(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('inventoryItem')) id: string,
  ): Promise<InventoryMatchCandidate[]> {
    return this.matching.candidates(caller, id);
  }

  @Put('inventory/:id/match')
  @Authorize(Permission.InventoryManage)
  @ApiOperation({
    summary:
      'Confirm the portal dataset the item became (ckanId null clears); an open item not yet published becomes published',
  })
  confirm(
    @SignedInCaller() caller: SignedInContext,
    @Param('id', new UuidParamPipe('inventoryItem')) id: string,
    @Body() dto: ConfirmMatchDto,
  ): Promise<InventoryItemView> {
    return this.matching.confirm(caller, id, dto);
  }
}
